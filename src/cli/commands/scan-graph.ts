import { z } from 'zod';
import { loadConfig } from '../../config.js';
import type { Source } from '../../housekeeping/source.js';
import { createGraphSource, GraphTargetError } from '../../housekeeping/sources/graph/graph-source.js';
import { clientCredentials, staticToken } from '../../housekeeping/sources/graph/tokens.js';
import { UsageError } from '../command.js';

export interface GraphTargetFlags {
  drive?: string;
  site?: string;
  team?: string;
}

const graphId = z.string().regex(/^[A-Za-z0-9!,._:@-]{1,256}$/, 'is geen geldige Microsoft Graph-id');

/**
 * Builds the Microsoft Graph source for `ai-wijzer scan --graph`: GRAPH_ACCESS_TOKEN when given, else the
 * app's own token (client credentials: AAD_APP_CLIENT_ID, AAD_APP_CLIENT_SECRET, AAD_APP_TENANT_ID) for an
 * admin's run; base URL from GRAPH_BASE_URL. The target is looked up before the scan starts, so a wrong id
 * is a usage error (exit 2), not an empty report.
 */
export async function graphSourceFromFlags(flags: GraphTargetFlags, env: NodeJS.ProcessEnv): Promise<Source> {
  const given = (['drive', 'site', 'team'] as const).filter((k) => flags[k] !== undefined);
  if (given.length !== 1) throw new UsageError('Geef precies één van --drive, --site of --team.');
  const kind = given[0]!;
  const id = graphId.safeParse(flags[kind]);
  if (!id.success) throw new UsageError(`--${kind}: ${id.error.issues[0]!.message}`);
  const config = loadConfig(env);
  let token;
  if (config.GRAPH_ACCESS_TOKEN) {
    token = staticToken(config.GRAPH_ACCESS_TOKEN);
  } else if (config.AAD_APP_CLIENT_ID && config.AAD_APP_CLIENT_SECRET && config.AAD_APP_TENANT_ID) {
    token = clientCredentials({
      clientId: config.AAD_APP_CLIENT_ID,
      clientSecret: config.AAD_APP_CLIENT_SECRET,
      tenantId: config.AAD_APP_TENANT_ID,
      authorityHost: config.AAD_AUTHORITY_HOST,
    });
  } else {
    throw new UsageError(
      'Geen toegang tot Microsoft Graph ingesteld: zet GRAPH_ACCESS_TOKEN, of AAD_APP_CLIENT_ID, AAD_APP_CLIENT_SECRET en AAD_APP_TENANT_ID (app-rechten Sites.Selected of Sites.Read.All).',
    );
  }
  const target = kind === 'drive' ? { drive: id.data } : kind === 'site' ? { site: id.data } : { team: id.data };
  const source = createGraphSource({
    baseUrl: config.GRAPH_BASE_URL,
    token,
    target,
    tenant: config.AAD_APP_TENANT_ID ?? 'default',
  });
  try {
    await source.prepare();
  } catch (error) {
    if (error instanceof GraphTargetError && error.status === 404) throw new UsageError(`--${kind}: ${error.message}`);
    if (error instanceof GraphTargetError) throw new Error(error.message, { cause: error });
    throw error;
  }
  return source;
}
