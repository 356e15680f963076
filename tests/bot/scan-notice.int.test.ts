import { jest } from '@jest/globals';
import { FakeGraph } from '../housekeeping/graph/fake-graph.js';
import { generateTree } from '../housekeeping/graph/tree.js';
import { startTestServer } from '../helpers/server.js';
import { LocalConnector } from '../helpers/local-connector.js';

jest.setTimeout(90_000);

// The worker polls and beats fast in tests; read from the environment when the scan routes start it.
process.env.SCAN_WORKER_POLL_MS = '50';
process.env.SCAN_WORKER_HEARTBEAT_MS = '100';

/**
 * The scan in a personal chat, end to end: the real server, adapter and worker, the local Graph and a local Bot
 * Connector. "scan" lists the person's recent scans; when a scan they started ends, the bot tells them in that chat,
 * proactively, with the conversation reference it kept in the database: label, score and the biggest problems.
 */
describe('the bot tells a person when their scan is done', () => {
  const tree = generateTree({ seed: 12, files: 120, folders: 12 });
  let graph: FakeGraph;
  let connector: LocalConnector;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  const person = { tenantId: 'tenant-1', objectId: 'oid-anna' };

  const say = (conversation: string, text: string, from = person) =>
    fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        channelId: 'msteams',
        serviceUrl: connector.serviceUrl,
        id: `m-${Math.random().toString(36).slice(2)}`,
        conversation: { id: conversation, conversationType: 'personal', tenantId: from.tenantId },
        from: { id: `29:${from.objectId}`, aadObjectId: from.objectId, name: 'Anna de Vries' },
        recipient: { id: '28:bot' },
        locale: 'nl-NL',
        text,
      }),
    });

  beforeAll(async () => {
    graph = new FakeGraph({ pageSize: 50 });
    const graphUrl = await graph.start();
    graph.loadTree('d1', tree);
    connector = new LocalConnector();
    await connector.start();
    server = await startTestServer({
      GRAPH_BASE_URL: graphUrl,
      GRAPH_ACCESS_TOKEN: 'test-token',
    });
  });
  afterAll(async () => {
    await server.dispose();
    await graph.stop();
    await connector.stop();
  });

  it('lists no scans at first, then tells of the finished scan in the same chat, then lists it', async () => {
    expect((await say('chat-anna', 'scan')).status).toBeLessThan(300);
    const none = await connector.waitFor(
      'chat-anna',
      (a) => a.text?.includes('Je hebt nog geen scans gedaan.') ?? false,
    );
    expect(none.text).toContain('[open Datahygiëne](/tab/#scan)');

    // The scan is started where the person signs in (the tab's API, on their behalf); here through the application.
    const app = server.application;
    const caller = app.callerFor({ ...person, channelUserId: 'ignored' });
    const job = await app.scans.start(caller, { target: { drive: 'd1' } }, 'nl');

    const notice = await connector.waitFor('chat-anna', (a) => a.text?.startsWith('Je scan is klaar') ?? false);
    const done = await app.scans.get(caller, job.id, 'nl');
    expect(done.status).toBe('done');
    expect(notice.text).toContain(`label **${done.report!.label}**, score ${done.report!.score} van 100`);
    const problems = notice.text!.split('\n').filter((l) => l.startsWith('- '));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.length).toBeLessThanOrEqual(3);
    // A link to the report in the tab (without TEAMS_APP_ID and PUBLIC_URL: the tab's own page).
    expect(notice.text).toContain(`[Open het rapport in AI-wijzer](/tab/#scan/${done.scanId})`);
    // No name in what the bot kept to reach her.
    const kept = await server.store.query<{ value: unknown }>(
      "select value from bot_state where key like 'reference/%'",
    );
    expect(JSON.stringify(kept)).not.toContain('Anna');

    expect((await say('chat-anna', 'scan')).status).toBeLessThan(300);
    const list = await connector.waitFor('chat-anna', (a) => a.text?.startsWith('Je laatste scans:') ?? false);
    expect(list.text).toContain(`label **${done.report!.label}**`);
  });

  it('tells nobody else, and a person who never chatted is not told (nothing fails)', async () => {
    const app = server.application;
    const before = connector.received.length;
    const stranger = app.callerFor({ tenantId: 'tenant-1', objectId: 'oid-nobody', channelUserId: 'x' });
    const job = await app.scans.start(stranger, { target: { drive: 'd1' } }, 'en');
    for (let i = 0; i < 200 && (await app.scans.get(stranger, job.id, 'en')).status !== 'done'; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect((await app.scans.get(stranger, job.id, 'en')).status).toBe('done');
    await new Promise((r) => setTimeout(r, 300));
    expect(connector.received.slice(before).filter((r) => r.activity.text?.includes('scan'))).toEqual([]);
  });
});
