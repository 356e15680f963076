import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCaptured } from '../../helpers/cli.js';
import { FakeGraph } from './fake-graph.js';
import { generateTree } from './tree.js';

/** `ai-wijzer scan --graph` end to end: the real CLI, a given GRAPH_ACCESS_TOKEN, the local Graph. */
describe('ai-wijzer scan --graph', () => {
  const tree = generateTree({ seed: 51, files: 200, folders: 20 });
  let graph: FakeGraph;
  let env: NodeJS.ProcessEnv;
  let dir: string;

  beforeAll(async () => {
    graph = new FakeGraph({ pageSize: 50 });
    const url = await graph.start();
    graph.loadTree('d1', tree);
    dir = await mkdtemp(join(tmpdir(), 'cli-graph-'));
    env = {
      GRAPH_BASE_URL: url,
      GRAPH_ACCESS_TOKEN: 'test-token',
      DATA_DIR: dir,
      DATABASE_URL: '',
      AAD_APP_CLIENT_ID: '',
      AAD_APP_CLIENT_SECRET: '',
      AAD_APP_TENANT_ID: '',
    };
  });

  afterAll(async () => {
    await graph.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('prints exactly one JSON report with the Graph request count', async () => {
    const { code, stdout } = await runCaptured(['scan', '--graph', '--drive', 'd1', '--json', '--no-store'], env);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {
      source: string;
      root: string;
      complete: boolean;
      stats: { files: number; folders: number; graphRequests: number };
      findings: { rule: string; path: string }[];
    };
    expect(report).toMatchObject({ source: 'graph', root: 'drive d1', complete: true });
    expect(report.stats.files + report.stats.folders).toBe(tree.items.length);
    expect(report.stats.graphRequests).toBe(1 + Math.ceil((tree.items.length + 1) / 50) + 1);
    expect(report.findings.filter((f) => f.rule === 'anonymous-link').map((f) => f.path)).toEqual([
      'Geplant/openbaar gedeeld.pdf',
    ]);
  });

  it('says which drive does not exist, with exit code 2', async () => {
    const { code, stderr, stdout } = await runCaptured(
      ['scan', '--graph', '--drive', 'onbekend', '--json', '--no-store'],
      env,
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/--drive: drive onbekend is niet gevonden/);
  });

  it('asks for a token when none is configured, with exit code 2', async () => {
    const { code, stderr } = await runCaptured(['scan', '--graph', '--team', 't1', '--no-store'], {
      ...env,
      GRAPH_ACCESS_TOKEN: '',
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/GRAPH_ACCESS_TOKEN/);
  });

  it('reports an incomplete scan as incomplete, never as whole', async () => {
    graph.setFaults({ brokenDrives: ['d1'] });
    try {
      const { code, stdout, stderr } = await runCaptured(
        ['scan', '--graph', '--drive', 'd1', '--json', '--no-store'],
        env,
      );
      const report = JSON.parse(stdout) as { complete: boolean; incompleteReason?: string; label?: string };
      // The one drive could not be read: nothing read is exit code 1, and no label.
      expect(code).toBe(1);
      expect(report.label).toBeUndefined();
      expect(report.complete).toBe(false);
      expect(report.incompleteReason).toBeTruthy();
      expect(stderr).toMatch(/niet volledig/);
    } finally {
      graph.setFaults({});
    }
  }, 60_000);
});
