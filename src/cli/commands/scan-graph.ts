import type { Source } from '../../housekeeping/source.js';

export interface GraphTargetFlags {
  drive?: string;
  site?: string;
  team?: string;
}

/**
 * Builds the Microsoft Graph source for `ai-wijzer scan --graph`: token from GRAPH_ACCESS_TOKEN or client
 * credentials, base URL from GRAPH_BASE_URL. (Owned by the Graph source's work; see issue 5.)
 */
export async function graphSourceFromFlags(_flags: GraphTargetFlags, _env: NodeJS.ProcessEnv): Promise<Source> {
  throw new Error('Scannen via Microsoft Graph is nog niet beschikbaar in deze versie.');
}
