import type { ScanReport } from '../../src/housekeeping/report.js';
import { runScan } from '../../src/housekeeping/scan.js';
import { startTestServer } from '../helpers/server.js';
import { FakeGraph } from '../housekeeping/graph/fake-graph.js';
import { generateTree } from '../housekeeping/graph/tree.js';
import { memorySource } from '../housekeeping/memory-source.js';
import { fuzzEnv } from './fuzz-http.js';
import { namedToolCheckCase } from '../helpers/check-case.js';

export const uploadToken = 'upload-token-for-fuzzing-0123456789abcdef';
export const teamId = '3f2a6c1e-8b4d-4e7a-9c21-5d0b7e6f4a12';

/** The development identities the fuzzed requests come from (X-Dev-User): staff, an admin, a team lead. */
export const as = {
  staff: { 'x-dev-user': 'fuzzer' },
  admin: { 'x-dev-user': 'beheerder' },
  teamlead: { 'x-dev-user': 'teamleider' },
} as const;

export const validCase = namedToolCheckCase;

export const validTool = {
  id: 'fuzz-tool',
  name: 'Fuzz-tool',
  nameEn: 'Fuzz tool',
  vendor: 'Gemeente Groningen',
  aliases: ['fuzzer'],
  contracted: true,
  hosting: 'own',
  maxData: 'internal',
  tasks: ['text'],
  dpia: ['text'],
  notes: 'voor de fuzz-test',
};

/**
 * The real server the API fuzz suites hammer: the development identity (the input is what is fuzzed, not the
 * sign-in: tests/server/api-tokens.int.test.ts does that), a local Graph for the scan routes reached with the app's
 * own token, uploads switched on, question texts kept (the setting that stores most), no scan worker (the jobs a
 * valid body starts stay queued), and what the valid bodies need: a section, a recorded check, a job, a report.
 */
export async function startFuzzServer() {
  process.env.SCAN_WORKER_CONCURRENCY = '0';
  const graph = new FakeGraph({ token: 'fuzz-app-token', listPageSize: 5 });
  const graphUrl = await graph.start();
  graph.loadTree('drive-fuzz', generateTree({ seed: 8, files: 10, folders: 3 }));
  graph.groups.set(teamId, 'drive-fuzz');
  graph.sites.set('site-fuzz', ['drive-fuzz']);
  graph.teams.set(teamId, { group: 'drive-fuzz', channels: [] });
  const server = await startTestServer({
    GRAPH_BASE_URL: graphUrl,
    GRAPH_ACCESS_TOKEN: 'fuzz-app-token',
    SCAN_UPLOAD_TOKEN: uploadToken,
    ASK_STORE_QUESTION_TEXT: 'true',
    ...fuzzEnv,
  });
  const call = async (method: string, path: string, headers: Record<string, string>, body?: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (res.status >= 300) throw new Error(`fuzz fixture: ${method} ${path} ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  };
  const sections = (await call('GET', '/api/vision', as.staff)).sections as { id: string }[];
  const check = (await call('POST', '/api/checks', as.staff, validCase)) as { record: { seq: number } };
  const job = await call('POST', '/api/scans', as.staff, { target: { drive: 'drive-fuzz' } });
  const report: ScanReport = await runScan(
    memorySource(['Beleid/Nota v2.docx', 'Beleid/Nota v2 (1).docx', 'Nieuwe map/', 'Jan de Vries BSN 123456782.txt']),
    { now: new Date(Date.UTC(2026, 10, 23)) },
  );
  const upload = await call(
    'POST',
    '/api/scans/upload',
    { authorization: `Bearer ${uploadToken}` },
    {
      sourceKey: 'fs:agent01:/mnt/afdeling',
      report,
    },
  );
  return {
    server,
    sectionId: sections[0]!.id,
    seq: check.record.seq,
    jobId: String(job.id),
    reportId: String(upload.id),
    report,
    async dispose() {
      await server.dispose();
      await graph.stop();
    },
  };
}
