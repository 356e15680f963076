import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { pseudonymFor } from '../pseudonym.js';
import { loadQuickcheckContent } from '../quickcheck/index.js';
import type { Store } from '../store/index.js';
import { botStateRepository, type BotStateRepository } from '../store/repositories/bot-state.js';
import {
  getScan,
  listScans,
  listScansOf,
  listScansVisibleTo,
  saveWithTrend,
} from '../store/repositories/housekeeping.js';
import { quickcheckRecordStore } from '../store/repositories/quickcheck.js';
import { graphDriveStateStore, scanJobQueue } from '../store/repositories/scan-jobs.js';
import { visionFeedbackStore } from '../store/repositories/vision.js';
import { sharedVision, type VisionIndex } from '../vision/index.js';
import { askService, type AskService } from './ask.js';
import type { Caller } from './caller.js';
import { checkService, type CheckService } from './checks.js';
import { feedbackService, type FeedbackService } from './feedback.js';
import { storeUnavailable } from './errors.js';
import { frontDoor, type FrontDoor } from './front-door/respond.js';
import { recordsService, type RecordsService } from './records.js';
import { scanService, type ScanService } from './scans.js';
import { noticeService, type NoticeService } from './notices.js';
import { conversationReferences } from '../store/repositories/conversation-references.js';
import { toolRegisterRepository } from '../store/repositories/tool-register.js';
import { figureCounts } from '../store/repositories/figures.js';
import { appVersion } from '../version.js';
import { adminService, type AdminService } from './admin.js';
import { registerSource } from './tool-register.js';
import { privacyService, type PrivacyService } from './privacy.js';
import { personalDataRepository } from '../store/repositories/personal-data.js';
import { removeExpired } from '../store/repositories/retention.js';

/**
 * The application: every capability built once from configuration, the content and the store, and handed to
 * every surface (the bot, the HTTP routes, the CLI), so that they cannot disagree or fail differently.
 */
export interface Application {
  frontDoor: FrontDoor;
  ask: AskService;
  feedback: FeedbackService;
  checks: CheckService;
  records: RecordsService;
  scans: ScanService;
  /** Where to reach a person later (their personal chat), and the notice when their scan ends. */
  notices: NoticeService;
  /** The bot's conversation state, in the database so that any instance can serve any turn. */
  botState: BotStateRepository;
  /** Beheer (admins only): the tool register in the database, versions, figures, the audit record. */
  admin: AdminService;
  /** Retention (the scheduled clean-up) and AVG requests (`ai-wijzer privacy export|delete|cleanup`). */
  privacy: PrivacyService;
  /**
   * Who a bot user is, as a pseudonym only: the same one the tab's sign-in gives (tenant and Entra object id), or, where
   * the channel gives no object id (the Agents Playground), one from the channel's user id.
   */
  callerFor(who: { tenantId?: string; objectId?: string; channelUserId: string }): Caller;
  /** Whether the database answers (GET /readyz). */
  ready(): Promise<{ ready: boolean; database: Store['kind'] }>;
  /** Warnings about the content worth an editor's look (a stale compound list, an example for a removed section). */
  warnings: { file: string; line: number; problem: string }[];
}

export interface ApplicationOptions {
  config: Config;
  /** Without a store (`ai-wijzer ask`), questions are answered and nothing is kept; what needs the store says so. */
  store?: Store;
  logger: Logger;
  /** The vision to answer from; by default the one this process loaded and shares (sharedVision). */
  vision?: VisionIndex;
  /**
   * Where the checks' tool register comes from: the database's (seeded from the YAML), or the YAML file itself
   * (`ai-wijzer check --register <file>`, and always without a store). Default: the database's when there is a store.
   */
  registerFrom?: 'database' | 'file';
  /** How long this instance holds the database's register before it reads it again (changes made elsewhere). */
  registerTtlMs?: number;
}

/** Builds the application once at start-up; broken content (vision, rules, register) throws here, with file and line. */
export function createApplication({ config, store: given, logger, ...options }: ApplicationOptions): Application {
  const vision = options.vision ?? sharedVision();
  const content = loadQuickcheckContent({ register: config.TOOL_REGISTER_PATH });
  const store = given ?? noStore;
  const feedbackStore = visionFeedbackStore(store);
  const records = quickcheckRecordStore(store, { key: config.AUDIT_KEY });
  const ask = askService({ config, vision, ...(given ? { feedback: feedbackStore } : {}), logger });
  // The YAML register is the starting content of the database's, which admins edit (src/app/admin.ts).
  const repository = given ? toolRegisterRepository(given) : undefined;
  const register = registerSource({
    file: content.register,
    ...(repository && options.registerFrom !== 'file' ? { repository } : {}),
    ttlMs: options.registerTtlMs ?? 30_000,
    logger,
  });
  const checks = checkService({ content, register, records, contact: config.PRIVACY_CONTACT, logger });
  const auditRecords = recordsService(records, config.AUDIT_KEY);
  const scans = scanService({
    config,
    queue: scanJobQueue(store),
    states: graphDriveStateStore(store),
    reports: {
      get: (id) => getScan(store, id),
      listOf: (owner, limit) => listScansOf(store, owner, limit),
      visibleTo: (owner, shared, limit) => listScansVisibleTo(store, owner, shared, limit),
      saveWithTrend: (sourceKey, report, meta) => saveWithTrend(store, sourceKey, report, meta),
      async latestOf(sourceKeys) {
        const found = (await Promise.all(sourceKeys.map((key) => listScans(store, key, 1)))).flat();
        return found.sort((a, b) => b.finishedAt.localeCompare(a.finishedAt))[0];
      },
    },
    logger,
  });
  return {
    frontDoor: frontDoor({ ask, checks, scans }),
    ask,
    feedback: feedbackService({ vision, store: feedbackStore, storeQuestionText: config.ASK_STORE_QUESTION_TEXT }),
    checks,
    records: auditRecords,
    scans,
    notices: noticeService({ references: conversationReferences(store), scans, logger }),
    botState: botStateRepository(store),
    admin: adminService({
      content,
      file: content.register,
      register,
      ...(repository ? { repository } : {}),
      ...(given ? { figures: (since?: string) => figureCounts(given, since) } : {}),
      records: auditRecords,
      vision,
      appVersion,
    }),
    privacy: privacyService({
      config,
      records,
      personal: personalDataRepository(store),
      removeExpired: (cutoffs) => removeExpired(store, cutoffs),
    }),
    callerFor: ({ tenantId, objectId, channelUserId }) => ({
      pseudonym: pseudonymFor(
        config.PSEUDONYM_SECRET,
        tenantId && objectId ? `${tenantId}:${objectId}` : `bot:${channelUserId}`,
      ),
      ...(tenantId ? { tenantId } : {}),
    }),
    ready: async () => ({ ready: given ? await given.ping() : false, database: store.kind }),
    warnings: vision.warnings,
  };
}

/** The store of an application built without one: every use says that nothing can be kept here. */
const noStore: Store = {
  kind: 'pglite',
  query: () => Promise.reject(storeUnavailable),
  transaction: () => Promise.reject(storeUnavailable),
  exec: () => Promise.reject(storeUnavailable),
  ping: async () => false,
  close: async () => undefined,
};
