import { jest } from '@jest/globals';
import fc from 'fast-check';
import { as, startFuzzServer, validTool } from './api-server.js';
import { Fuzzer, fuzzParameters } from './fuzz-http.js';
import { lookalikes, pathSegment, queryString, specialPieces } from './hostile.js';

jest.setTimeout(120_000);

/**
 * Random and hostile query strings and path parameters for every /api route that reads them, and the headers every
 * route reads (language, correlation id, the development user): percent-encoded hostile text, bytes that are no
 * UTF-8, repeated and bracketed keys, numbers past what the database holds. None may answer 5xx, each 4xx is the
 * API's error in Dutch, nothing is polluted, and a refused request stores nothing.
 */
describe('fuzzing the query strings, path parameters and headers of /api', () => {
  let fixture: Awaited<ReturnType<typeof startFuzzServer>>;
  let fuzzer: Fuzzer;
  beforeAll(async () => {
    fixture = await startFuzzServer();
    fuzzer = new Fuzzer(fixture.server);
  });
  afterAll(async () => fixture?.dispose());

  const queries: { route: string; path: string; keys: string[]; headers: Record<string, string> }[] = [
    { route: 'GET /api/checks', path: '/api/checks', keys: ['limit', 'before'], headers: as.staff },
    {
      route: 'GET /api/admin/tools/history',
      path: '/api/admin/tools/history',
      keys: ['limit', 'before'],
      headers: as.admin,
    },
    { route: 'GET /api/admin/figures', path: '/api/admin/figures', keys: ['since'], headers: as.admin },
    { route: 'GET /api/scans', path: '/api/scans', keys: ['limit'], headers: as.staff },
    { route: 'GET /api/scans/targets', path: '/api/scans/targets', keys: ['search'], headers: as.staff },
    { route: 'GET /api/vision', path: '/api/vision', keys: ['lang'], headers: {} },
  ];
  const queryBreakers = ['2147483648', '3000000000', '0000-01-01', 'constructor', '%00', '%ZZ'];
  /** Values the queries' own keys were made for, in text: the edges of each range and what lies past them. */
  const edgeValues = fc.constantFrom(...lookalikes, '50', '51', '200', '201', '500', '501', '0000-01-01', '2026-01-01');

  it.each(queries)('$route?…: no 5xx, errors in Dutch, nothing stored', async ({ path, keys, headers }) => {
    const own = fc
      .array(fc.tuple(fc.constantFrom(...keys), edgeValues), { minLength: 1, maxLength: 2 })
      .map((pairs) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&'));
    const query = fc.oneof({ weight: 2, arbitrary: queryString(keys) }, { weight: 1, arbitrary: own });
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        await fuzzer.send({ method: 'GET', path: `${path}?${q}`, headers });
      }),
      // What broke the server once, on every seed: a record number past PostgreSQL's integer, the year 0000.
      fuzzParameters(
        1,
        keys.flatMap((k) => queryBreakers.map((v): [string] => [`${k}=${v}`])),
      ),
    );
    await fuzzer.healthy();
  });

  /** Routes with a parameter in their path; `:p` is where the fuzzed segment goes. */
  const params: { route: string; method: string; path: string; headers: Record<string, string>; body?: unknown }[] = [
    { route: 'GET /api/checks/:seq', method: 'GET', path: '/api/checks/:p', headers: as.staff },
    { route: 'POST /api/checks/:seq/reassess', method: 'POST', path: '/api/checks/:p/reassess', headers: as.staff },
    { route: 'GET /api/scans/:id', method: 'GET', path: '/api/scans/:p', headers: as.staff },
    { route: 'GET /api/scans/reports/:scanId', method: 'GET', path: '/api/scans/reports/:p', headers: as.teamlead },
    {
      route: 'GET /api/scans/teams/:teamId/latest',
      method: 'GET',
      path: '/api/scans/teams/:p/latest',
      headers: as.teamlead,
    },
    {
      route: 'PUT /api/admin/tools/:id',
      method: 'PUT',
      path: '/api/admin/tools/:p',
      headers: as.admin,
      body: { ...validTool, id: undefined, name: 'Fuzz-pad', aliases: [], nameEn: undefined },
    },
    { route: 'DELETE /api/admin/tools/:id', method: 'DELETE', path: '/api/admin/tools/:p', headers: as.admin },
  ];
  const pathBreakers = ['2147483647', '3000000000', 'constructor', '__proto__', '%00', '%ZZ'];
  const numbers = fc.constantFrom(
    '1',
    '2',
    '0',
    '-1',
    '2147483646',
    '2147483647',
    '2147483648',
    '9007199254740991',
    '9007199254740993',
    '1e3',
    '1.5',
    '0x1',
    '%201',
    '1%00',
  );

  it.each(params)('$route: no 5xx, errors in Dutch, nothing stored', async ({ method, path, headers, body }) => {
    const segment = fc.oneof({ weight: 4, arbitrary: pathSegment }, { weight: 1, arbitrary: numbers });
    // The ids the fixture made, so that a parameter that names a real thing is tried too.
    const known = [
      String(fixture.seq),
      fixture.jobId,
      fixture.reportId,
      fixture.jobId.toUpperCase(),
      ` ${fixture.seq}`,
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ weight: 6, arbitrary: segment }, { weight: 1, arbitrary: fc.constantFrom(...known) }),
        async (p) => {
          await fuzzer.send({
            method,
            path: path.replace(':p', p),
            headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
            ...(body ? { body: JSON.stringify(body) } : {}),
          });
        },
      ),
      fuzzParameters(
        1,
        pathBreakers.map((p): [string] => [p]),
      ),
    );
    await fuzzer.healthy();
  });

  it('routes without input ignore any query string: 200, and nothing stored', async () => {
    const plain: [string, Record<string, string>][] = [
      ['/api/me', as.staff],
      ['/api/checks/questions', as.staff],
      ['/api/admin/tools', as.admin],
      ['/api/admin/versions', as.admin],
      ['/api/admin/audit/verify', as.admin],
      ['/api/admin/audit/export', as.admin],
      ['/api/auth-config', {}],
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...plain), queryString(['lang', 'limit', 'id']), async ([path, headers], q) => {
        const res = await fuzzer.send({ method: 'GET', path: `${path}?${q}`, headers });
        if (res.status !== 200) throw new Error(`${path}?${q}: ${res.status} ${res.text.slice(0, 200)}`);
      }),
      fuzzParameters(),
    );
    await fuzzer.healthy();
  });

  it('hostile Accept-Language, X-Correlation-Id and X-Dev-User headers: no 5xx, a safe correlation id, errors in the language asked', async () => {
    // What fetch can send in a header: visible ASCII and spaces (no control characters, nothing outside Latin-1).
    const printable = fc.string({
      unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
      maxLength: 80,
    });
    const headerValue = fc.oneof(
      printable,
      fc.constantFrom(
        'en',
        'nl',
        'en;q=abc',
        'nl;q=0, en;q=1',
        'en-US,en;q=0.9',
        '*',
        'en;q=NaN',
        'en;q=1e999',
        ',,,',
        'x'.repeat(4000),
      ),
      fc.constantFrom(...specialPieces.filter((p) => /^[\x20-\x7e]+$/.test(p))),
    );
    const route = fc.constantFrom(
      { method: 'POST', path: '/api/ask', body: '{"question":' },
      { method: 'POST', path: '/api/ask', body: '{"question":"hoi"}' },
      { method: 'POST', path: '/api/checks', body: '{}' },
      { method: 'GET', path: '/api/checks?limit=0', body: undefined },
      { method: 'GET', path: '/api/admin/tools', body: undefined },
      { method: 'GET', path: '/api/bestaat-niet', body: undefined },
    );
    await fc.assert(
      fc.asyncProperty(route, headerValue, headerValue, headerValue, async (r, lang, correlation, user) => {
        const headers: Record<string, string> = {
          'accept-language': lang,
          'x-correlation-id': correlation,
          'x-dev-user': user,
          ...(r.body ? { 'content-type': 'application/json' } : {}),
        };
        const res = await fuzzer.send({ method: r.method, path: r.path, headers, ...(r.body ? { body: r.body } : {}) });
        // The caller's id is echoed only when it is safe to log; else the server makes one.
        const safe = /^[A-Za-z0-9._-]{8,64}$/;
        if (!res.correlationId || !safe.test(res.correlationId))
          throw new Error(`unsafe correlation id ${res.correlationId}`);
        if (safe.test(correlation) !== (res.correlationId === correlation))
          throw new Error(`correlation id ${JSON.stringify(correlation)} answered as ${res.correlationId}`);
      }),
      fuzzParameters(),
    );
    await fuzzer.healthy();
  });
});
