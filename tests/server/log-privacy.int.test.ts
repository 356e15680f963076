import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/log.js';
import { runCaptured } from '../helpers/cli.js';
import { LocalConnector } from '../helpers/local-connector.js';
import { startTestServer } from '../helpers/server.js';
import { baseCase } from '../quickcheck/cases.js';

const name = 'Jan Jansen';
const email = 'jan.jansen@groningen.nl';
const bsn = '123456782';
const fileName = `BSN ${bsn} Jan Jansen.docx`;
const question = `Mag ik de bezwaarbrief van ${name} (${email}, BSN ${bsn}) met ChatGPT laten samenvatten?`;
const purpose = `het bezwaar van ${name}, ${email}, BSN ${bsn}, samenvatten`;
const token = 'upload-token-for-log-tests-0123456789abcdef';

/**
 * The server at its most talkative (trace), handling requests that carry a name, an e-mail address, a question's text,
 * a BSN and a file name: over the API, through the bot, and as a scan an on-premises agent uploads. Nothing it logs
 * may contain any of them.
 */
describe('what the server logs', () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let connector: LocalConnector;
  let share: string;

  beforeAll(async () => {
    connector = new LocalConnector();
    await connector.start();
    share = mkdtempSync(join(tmpdir(), 'ai-wijzer-logs-'));
    mkdirSync(join(share, `Dossier ${name}`));
    writeFileSync(join(share, `Dossier ${name}`, fileName), 'inhoud');
    writeFileSync(join(share, `${email}.txt`), 'inhoud');
    server = await startTestServer(
      { SCAN_UPLOAD_TOKEN: token, LOG_LEVEL: 'trace' },
      { logger: createLogger('trace', sink) },
    );
  });
  let disposed = false;
  afterAll(async () => {
    if (!disposed) await server.dispose();
    await connector.stop();
    rmSync(share, { recursive: true, force: true });
  });

  const send = (path: string, body: unknown, user = email) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-user': user },
      body: JSON.stringify(body),
    });

  it('keeps out names, e-mail addresses, question texts, BSNs and file names', async () => {
    expect((await send('/api/ask', { question })).status).toBe(200);
    expect((await send('/api/ask', { question: `${bsn} ${email}`, lang: 'en' })).status).toBe(200);
    expect((await send('/api/checks', { ...baseCase, tool: 'ChatGPT', purpose })).status).toBe(201);
    // Refused input echoes nothing into the log either.
    expect((await send('/api/checks', { ...baseCase, purpose, task: fileName })).status).toBe(400);
    expect((await send('/api/ask/feedback', { sectionId: fileName, helpful: false, question })).status).toBeLessThan(
      500,
    );

    const scan = await runCaptured(['scan', '--path', share, '--upload', server.url, '--json'], {
      SCAN_UPLOAD_TOKEN: token,
      LOG_LEVEL: 'silent',
    });
    expect(scan.code).toBe(0);

    const conversation = 'log-privacy-1';
    for (const text of [question, `check ChatGPT voor ${purpose}`, purpose])
      expect(
        (
          await fetch(`${server.url}/api/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              type: 'message',
              channelId: 'msteams',
              serviceUrl: connector.serviceUrl,
              id: `m-${text.length}`,
              conversation: { id: conversation, conversationType: 'personal' },
              from: { id: `29:${email}`, name, aadObjectId: '00000000-0000-0000-0000-0000000000aa' },
              recipient: { id: 'bot' },
              locale: 'nl-NL',
              text,
            }),
          })
        ).status,
      ).toBeLessThan(300);
    await connector.waitFor(conversation, (a) => Boolean(a.text || a.attachments?.length));
    // Stopped (and its schema dropped) before reading: everything it was doing has been logged.
    disposed = true;
    await server.dispose();

    // What was logged is there to be read: the upload, and the clean-up the server runs at start.
    const logged = lines.join('\n');
    expect(lines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(
      expect.arrayContaining(['scan report uploaded', 'retention clean-up done']),
    );
    for (const personal of [name, 'Jansen', email, bsn, fileName, question, purpose, 'bezwaar'])
      expect({ personal, found: logged.toLowerCase().includes(personal.toLowerCase()) }).toEqual({
        personal,
        found: false,
      });
  });
});
