import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PassThrough } from 'node:stream';
import { scanUploadMediaType } from '../../src/api/scans.js';
import { runCli } from '../../src/cli/run.js';
import type { ScanReport } from '../../src/housekeeping/report.js';
import { runScan } from '../../src/housekeeping/scan.js';
import { startTestServer } from '../helpers/server.js';
import { memorySource } from './memory-source.js';

const token = 'upload-token-for-tests-0123456789abcdef';
const now = new Date(Date.UTC(2026, 10, 23));

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/api/scans/upload`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: typeof body === 'string' || body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body),
  });
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown> & {
      error?: { message: string; problems?: { field: string }[] };
    },
  };
}

describe('POST /api/scans/upload', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let report: ScanReport;
  const count = async () =>
    Number((await server.store.query<{ n: number | string }>('select count(*) as n from housekeeping_scans'))[0]!.n);
  beforeAll(async () => {
    server = await startTestServer({ SCAN_UPLOAD_TOKEN: token });
    report = await runScan(memorySource(['Beleid/Nota v2.docx', 'Nieuwe map/']), { now });
  });
  afterAll(async () => server.dispose());

  it('stores a valid report sent with the token and answers with its id and, the second time, the trend', async () => {
    const first = await post(server.url, { sourceKey: 'fs:agent01:/mnt/afdeling', report });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ score: report.score, label: report.label });
    expect(first.body.trend).toBeUndefined();
    const better = await runScan(memorySource(['Beleid/Nota.docx']), { now });
    const second = await post(
      server.url,
      { sourceKey: 'fs:agent01:/mnt/afdeling', report: better },
      { 'content-type': scanUploadMediaType },
    );
    expect(second.status).toBe(201);
    expect(second.body.trend).toMatchObject({ previousId: first.body.id, scoreDelta: better.score - report.score });
    const rows = await server.store.query<{ id: string; source_key: string }>(
      'select id, source_key from housekeeping_scans order by seq',
    );
    expect(rows.map((r) => r.id)).toEqual([first.body.id, second.body.id]);
  });

  it('takes a gzip-compressed report larger than the API limit of 256 kB under its own media type', async () => {
    const many = await runScan(memorySource(Array.from({ length: 3000 }, (_, i) => `Nieuwe map ${i}/`)), { now });
    const json = JSON.stringify({ sourceKey: 'fs:agent01:/mnt/groot', report: many });
    expect(json.length).toBeGreaterThan(256 * 1024);
    const res = await post(server.url, gzipSync(json), {
      'content-type': scanUploadMediaType,
      'content-encoding': 'gzip',
    });
    expect(res.status).toBe(201);
  });

  it('refuses a missing or wrong token with 401 and stores nothing', async () => {
    const before = await count();
    expect(
      (await post(server.url, { sourceKey: 'fs:x:/y', report }, { authorization: `Bearer ${token}x` })).status,
    ).toBe(401);
    expect((await post(server.url, { sourceKey: 'fs:x:/y', report }, { authorization: '' })).status).toBe(401);
    const wrong = await post(server.url, { sourceKey: 'fs:x:/y', report }, { authorization: 'Bearer kort' });
    expect(wrong.body.error!.message).toBe('Het upload-token ontbreekt of klopt niet.');
    expect(await count()).toBe(before);
  });

  it('refuses an invalid report with 400 naming the field, in Dutch or English, and stores nothing', async () => {
    const before = await count();
    const bad = await post(server.url, { sourceKey: 'fs:x:/y', report: { ...report, score: 150 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error!.problems!.map((p) => p.field)).toEqual(['report.score']);
    const badRule = await post(
      server.url,
      { sourceKey: 'x', report: { ...report, findings: [{ ...report.findings[0], rule: 'bestaat-niet' }] } },
      { 'accept-language': 'en' },
    );
    expect(badRule.status).toBe(400);
    expect([...new Set(badRule.body.error!.problems!.map((p) => p.field))].sort()).toEqual([
      'report.findings.0.rule',
      'sourceKey',
    ]);
    expect(badRule.body.error!.message).toBe('The input is not valid.');
    expect((await post(server.url, 'niet eens json', { 'content-type': scanUploadMediaType })).status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('masks personal data an agent sent unmasked before storing it', async () => {
    const leaky = {
      ...report,
      findings: [{ ...report.findings[0]!, path: 'Cliënten/111222333/brief.docx', detail: 'NL91ABNA0417164300' }],
    };
    const res = await post(server.url, { sourceKey: 'fs:agent01:/mnt/jan.jansen@groningen.nl', report: leaky });
    expect(res.status).toBe(201);
    const rows = await server.store.query('select * from housekeeping_scans where id = $1', [res.body.id]);
    const stored = JSON.stringify(rows);
    for (const secret of ['111222333', 'NL91ABNA0417164300', 'jan.jansen@']) expect(stored).not.toContain(secret);
  });

  it('lets an on-premises agent upload with ai-wijzer scan --path --upload', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hk-agent-'));
    try {
      mkdirSync(join(dir, 'Nieuwe map'));
      writeFileSync(join(dir, 'nota v2.docx'), 'x');
      const out = new PassThrough();
      const err = new PassThrough();
      let stderr = '';
      err.on('data', (c) => (stderr += c));
      const before = await count();
      const code = await runCli(['scan', '--path', dir, '--upload', server.url, '--json'], {
        stdout: out,
        stderr: err,
        stdin: new PassThrough(),
        env: { SCAN_UPLOAD_TOKEN: token },
      });
      expect(stderr).toContain('Rapport geüpload');
      expect(code).toBe(0);
      expect(await count()).toBe(before + 1);
      const wrong = await runCli(['scan', '--path', dir, '--upload', server.url], {
        stdout: out,
        stderr: err,
        stdin: new PassThrough(),
        env: { SCAN_UPLOAD_TOKEN: 'x'.repeat(40) },
      });
      expect(wrong).toBe(1);
      expect(stderr).toContain('HTTP 401');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('POST /api/scans/upload without a configured token', () => {
  it('answers 503 with a Dutch message', async () => {
    const server = await startTestServer();
    try {
      const res = await post(server.url, {});
      expect(res.status).toBe(503);
      expect(res.body.error!.message).toContain('SCAN_UPLOAD_TOKEN');
      expect(res.body.error!.message).toMatch(/^Scans uploaden staat uit/);
    } finally {
      await server.dispose();
    }
  });
});

describe('POST /api/scans/upload where staff sign in with Entra ID', () => {
  it('takes the agent token (agents have no Teams sign-in), while user APIs still want a sign-in', async () => {
    const tenant = '7e1b2c3d-4e5f-4a6b-8c9d-0e1f2a3b4c5d';
    const server = await startTestServer({
      SCAN_UPLOAD_TOKEN: token,
      AAD_APP_CLIENT_ID: '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d',
      AAD_APP_TENANT_ID: tenant,
      AAD_AUTHORITY_HOST: 'http://127.0.0.1:9',
    });
    try {
      const report = await runScan(memorySource(['Beleid/Nota v2.docx']), { now });
      const upload = await post(server.url, { sourceKey: 'fs:agent02:/mnt/share', report });
      expect(upload.status).toBe(201);
      const ask = await fetch(`${server.url}/api/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question: 'privacy' }),
      });
      expect(ask.status).toBe(401);
    } finally {
      await server.dispose();
    }
  });
});
