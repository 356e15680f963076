import type { Config } from '../config.js';
import type { CheckRecord, CheckRecordStore } from '../quickcheck/index.js';
import type { PersonalDataRepository, PersonalRemoval, PersonalRows } from '../store/repositories/personal-data.js';
import type { RetentionCutoffs, RetentionRemoval } from '../store/repositories/retention.js';
import { pseudonymOfUser } from './privacy-subject.js';

/** Who an AVG request is about: the id an admin knows (privacy-subject.ts), and the tenant for a bare object id. */
export interface PrivacySubject {
  user: string;
  tenant?: string;
}

/** What one clean-up did: checks erased to their tombstone, and rows removed per table. */
export interface CleanupResult extends RetentionRemoval {
  /** The moments before which each kind went; a kind with retention 0 is kept and left out. */
  cutoffs: RetentionCutoffs & { checks?: string };
  checksErased: number;
  /** Checks past their retention whose hash did not match: left for `audit verify` to name. */
  checksSkipped: number;
}

/** Everything AI-wijzer keeps under one person's pseudonym, as `ai-wijzer privacy export` prints it. */
export interface PersonalExport extends PersonalRows {
  format: 'ai-wijzer/privacy-export';
  version: 1;
  exportedAt: string;
  pseudonym: string;
  checks: Omit<CheckRecord, 'who' | 'prevHash' | 'scheme'>[];
  /** What is kept without a pseudonym, so that it cannot be found per person. */
  notPerPerson: { nl: string; en: string };
}

/** What `ai-wijzer privacy delete` erases (or, without --yes, would erase). */
export interface DeleteCounts extends PersonalRemoval {
  checks: number;
}

/** Retention and AVG requests, for the privacy officer and the server's scheduled clean-up. */
export interface PrivacyService {
  /** Erases and removes what is past its retention (RETENTION_*_DAYS) at `now`. */
  cleanup(now?: Date): Promise<CleanupResult>;
  exportFor(subject: PrivacySubject, now?: Date): Promise<PersonalExport>;
  /** What a delete would erase, without changing anything. */
  planDelete(subject: PrivacySubject): Promise<{ pseudonym: string; counts: DeleteCounts }>;
  /** Erases the person's checks to tombstones (the chain stays whole) and removes the rest. */
  deleteFor(subject: PrivacySubject, now?: Date): Promise<{ pseudonym: string; counts: DeleteCounts }>;
}

export interface PrivacyDeps {
  config: Config;
  records: CheckRecordStore;
  personal: PersonalDataRepository;
  removeExpired(cutoffs: RetentionCutoffs): Promise<RetentionRemoval>;
}

const day = 24 * 60 * 60 * 1000;
const page = 500;

const notPerPerson = {
  nl: 'Vragen aan de visie, duimpjes en gekozen suggesties worden zonder pseudoniem bewaard en zijn niet per persoon te vinden; ze gaan na RETENTION_FEEDBACK_DAYS weg.',
  en: 'Questions to the vision, thumbs and chosen suggestions are kept without a pseudonym and cannot be found per person; they go after RETENTION_FEEDBACK_DAYS.',
};

export function privacyService({ config, records, personal, removeExpired }: PrivacyDeps): PrivacyService {
  const before = (now: Date, days: number) =>
    days > 0 ? new Date(now.getTime() - days * day).toISOString() : undefined;
  const pseudonymOf = (s: PrivacySubject) => pseudonymOfUser(s.user, config, s.tenant);
  async function checksOf(who: string): Promise<CheckRecord[]> {
    const out: CheckRecord[] = [];
    for (;;) {
      const last = out[out.length - 1];
      const rows = await records.listFor(who, { limit: page, ...(last ? { before: last.seq } : {}) });
      out.push(...rows);
      if (rows.length < page) return out.reverse();
    }
  }
  return {
    async cleanup(now = new Date()) {
      const checks = before(now, config.RETENTION_CHECKS_DAYS);
      const cutoffs: RetentionCutoffs = {};
      const scans = before(now, config.RETENTION_SCANS_DAYS);
      const feedback = before(now, config.RETENTION_FEEDBACK_DAYS);
      const botState = before(now, config.RETENTION_BOT_STATE_DAYS);
      if (scans) cutoffs.scans = scans;
      if (feedback) cutoffs.feedback = feedback;
      if (botState) cutoffs.botState = botState;
      const erased = checks ? await records.erase({ before: checks }, now.toISOString()) : { erased: 0, skipped: 0 };
      const removed = await removeExpired(cutoffs);
      return {
        cutoffs: { ...cutoffs, ...(checks ? { checks } : {}) },
        checksErased: erased.erased,
        checksSkipped: erased.skipped,
        ...removed,
      };
    },
    async exportFor(subject, now = new Date()) {
      const pseudonym = pseudonymOf(subject);
      const checks = (await checksOf(pseudonym)).map(({ who: _who, prevHash: _prev, scheme: _scheme, ...r }) => r);
      return {
        format: 'ai-wijzer/privacy-export',
        version: 1,
        exportedAt: now.toISOString(),
        pseudonym,
        checks,
        ...(await personal.find(pseudonym)),
        notPerPerson,
      };
    },
    async planDelete(subject) {
      const pseudonym = pseudonymOf(subject);
      const found = await personal.find(pseudonym);
      const team = found.scanReports.filter((r) => String(r.source_key).startsWith('graph:team:')).length;
      return {
        pseudonym,
        counts: {
          checks: (await checksOf(pseudonym)).length,
          scanJobs: found.scanJobs.length,
          scanReports: found.scanReports.length - team,
          teamReportsKept: team,
          botState: found.botState.length,
          driveStates: found.driveStates.length,
        },
      };
    },
    async deleteFor(subject, now = new Date()) {
      const pseudonym = pseudonymOf(subject);
      const { erased } = await records.erase({ who: pseudonym }, now.toISOString());
      const removed = await personal.remove(pseudonym);
      return { pseudonym, counts: { checks: erased, ...removed } };
    },
  };
}
