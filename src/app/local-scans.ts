import { statSync } from 'node:fs';
import { hostname } from 'node:os';
import { z } from 'zod';
import { readThresholdsFile, ThresholdsFileError } from '../housekeeping/config-file.js';
import type { ScanProgress, ScanResult } from '../housekeeping/report.js';
import { NothingReadError, runScan } from '../housekeeping/scan.js';
import type { Source } from '../housekeeping/source.js';
import type { ThresholdsFile } from '../housekeeping/thresholds.js';
import type { Lang } from '../lang.js';
import { AppError } from './errors.js';
import type { ScanConfig } from './scans.js';

/** What a scan run in this process looks at: a folder (a network share), or a Microsoft 365 location. */
export type LocalScanTarget =
  { path: string; kind?: 'share' | 'sharepoint' } | { graph: { drive: string } | { site: string } | { team: string } };

/** The Graph settings of the scans (scans.ts), without the job-credential secret: a local scan keeps no job. */
export type LocalScanConfig = Omit<ScanConfig, 'JOB_CREDENTIAL_KEY'>;

/** A scan ready to run: the source is open and its target found, so a wrong path or id fails before any work. */
export interface OpenedScan {
  readonly sourceKey: string;
  readonly thresholds?: ThresholdsFile;
  /** The report, or an UnreadScan when nothing could be read (the root unreadable): never a score of nothing. */
  run(options: { lang: Lang; signal?: AbortSignal; onProgress?: (p: ScanProgress) => void }): Promise<ScanResult>;
}

const invalid = (field: string, messages: Record<Lang, string>) =>
  new AppError('invalid', 'invalid_input', messages, [{ field, message: messages.nl }]);

const graphId = z.string().regex(/^[A-Za-z0-9!,._:@-]{1,256}$/);

/**
 * The scans the CLI and the on-premises agent run themselves (`ai-wijzer scan --path`, `--graph`): the application
 * layer builds the source and runs the domain's scan; the surface shows progress and writes the report where it was
 * asked to. The thresholds file (YAML or JSON) is read and validated here. Everything a person can get wrong (a path
 * that is no folder, a Graph id that does not exist, no Graph access set up, a bad thresholds file) is an AppError
 * of kind `invalid` or `unavailable`, before the scan starts.
 */
export async function openLocalScan(
  config: LocalScanConfig,
  target: LocalScanTarget,
  options: { lang: Lang; thresholdsFile?: string },
): Promise<OpenedScan> {
  const { lang } = options;
  let thresholds: ThresholdsFile | undefined;
  if (options.thresholdsFile) {
    try {
      thresholds = readThresholdsFile(options.thresholdsFile, lang);
    } catch (error) {
      if (error instanceof ThresholdsFileError)
        throw invalid('config', { nl: `--config: ${error.message}`, en: `--config: ${error.message}` });
      throw error;
    }
  }
  const { source, sourceKey } = 'path' in target ? await folder(target) : await graph(config, target.graph);
  return {
    sourceKey,
    thresholds,
    run: async ({ lang: reportLang, signal, onProgress }) => {
      try {
        return await runScan(source, { thresholds, lang: reportLang, signal, onProgress });
      } catch (error) {
        if (error instanceof NothingReadError) return error.scan;
        throw error;
      }
    },
  };
}

async function folder(target: { path: string; kind?: 'share' | 'sharepoint' }) {
  let isDir = false;
  try {
    isDir = statSync(target.path).isDirectory();
  } catch {
    // reported below
  }
  if (!isDir)
    throw invalid('path', {
      nl: `--path: ${target.path} is geen bestaande map.`,
      en: `--path: ${target.path} is not an existing directory.`,
    });
  // Loaded when used: an agent that scans a share does not carry the Graph client, and the reverse.
  const { filesystemSource } = await import('../housekeeping/sources/filesystem.js');
  const source: Source & { root: string } = filesystemSource(target.path, { target: target.kind });
  return { source, sourceKey: `fs:${hostname()}:${source.root}` };
}

async function graph(config: LocalScanConfig, target: { drive: string } | { site: string } | { team: string }) {
  const [kind, id] = Object.entries(target)[0] as ['drive' | 'site' | 'team', string];
  if (!graphId.safeParse(id).success)
    throw invalid(kind, {
      nl: `--${kind}: is geen geldige Microsoft Graph-id`,
      en: `--${kind}: is not a valid Microsoft Graph id`,
    });
  const { createGraphSource, GraphTargetError } = await import('../housekeeping/sources/graph/graph-source.js');
  const { clientCredentials, staticToken } = await import('../housekeeping/sources/graph/tokens.js');
  let token;
  if (config.GRAPH_ACCESS_TOKEN) token = staticToken(config.GRAPH_ACCESS_TOKEN);
  else if (config.AAD_APP_CLIENT_ID && config.AAD_APP_CLIENT_SECRET && config.AAD_APP_TENANT_ID)
    token = clientCredentials({
      clientId: config.AAD_APP_CLIENT_ID,
      clientSecret: config.AAD_APP_CLIENT_SECRET,
      tenantId: config.AAD_APP_TENANT_ID,
      authorityHost: config.AAD_AUTHORITY_HOST,
    });
  else
    throw invalid('graph', {
      nl: 'Geen toegang tot Microsoft Graph ingesteld: zet GRAPH_ACCESS_TOKEN, of AAD_APP_CLIENT_ID, AAD_APP_CLIENT_SECRET en AAD_APP_TENANT_ID (app-rechten Sites.Selected of Sites.Read.All).',
      en: 'No access to Microsoft Graph set up: set GRAPH_ACCESS_TOKEN, or AAD_APP_CLIENT_ID, AAD_APP_CLIENT_SECRET and AAD_APP_TENANT_ID (application permission Sites.Selected or Sites.Read.All).',
    });
  const source = createGraphSource({
    baseUrl: config.GRAPH_BASE_URL,
    token,
    target,
    tenant: config.AAD_APP_TENANT_ID ?? 'default',
  });
  try {
    await source.prepare();
  } catch (error) {
    if (error instanceof GraphTargetError && error.status === 404)
      throw invalid(kind, { nl: `--${kind}: ${error.message}`, en: `--${kind}: ${error.message}` });
    if (error instanceof GraphTargetError)
      throw new AppError('unavailable', 'graph_failed', { nl: error.message, en: error.message });
    throw error;
  }
  return { source, sourceKey: `graph:${kind}:${id}` };
}
