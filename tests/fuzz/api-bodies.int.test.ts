import { jest } from '@jest/globals';
import fc from 'fast-check';
import { scanUploadMediaType } from '../../src/api/scans.js';
import { as, startFuzzServer, uploadToken, validCase, validTool } from './api-server.js';
import { Fuzzer, fuzzParameters } from './fuzz-http.js';
import {
  breakerBodies,
  deepNesting,
  hostileContent,
  hostileJson,
  hostileString,
  jsonText,
  mutated,
  Obj,
  type Json,
} from './hostile.js';

jest.setTimeout(120_000);

/**
 * Random and hostile JSON bodies for every /api route that takes one, over real HTTP to the real server: wrong types,
 * one to three places of a valid body changed, valid shapes with hostile strings, deep nesting, bodies that are no
 * JSON or come as another media type. None may answer 5xx, each 4xx is the API's error in Dutch, nothing is
 * polluted, and a refused body stores nothing.
 */
describe('fuzzing the JSON bodies of /api', () => {
  let fixture: Awaited<ReturnType<typeof startFuzzServer>>;
  let fuzzer: Fuzzer;
  beforeAll(async () => {
    fixture = await startFuzzServer();
    fuzzer = new Fuzzer(fixture.server);
  });
  afterAll(async () => fixture?.dispose());

  interface BodyRoute {
    route: string;
    path: () => string;
    headers: Record<string, string>;
    valid: () => unknown;
  }
  const routes: BodyRoute[] = [
    {
      route: 'POST /api/ask',
      path: () => '/api/ask',
      headers: as.staff,
      valid: () => ({ question: 'Mag ik ChatGPT gebruiken voor een brief?', lang: 'nl' }),
    },
    {
      route: 'POST /api/ask/feedback',
      path: () => '/api/ask/feedback',
      headers: as.staff,
      valid: () => ({ question: 'Wat zegt de visie over privacy?', sectionId: fixture.sectionId, helpful: true }),
    },
    {
      route: 'POST /api/ask/choice',
      path: () => '/api/ask/choice',
      headers: as.staff,
      valid: () => ({ question: 'Wat zegt de visie over privacy?', sectionId: fixture.sectionId, language: 'nl' }),
    },
    { route: 'POST /api/checks', path: () => '/api/checks', headers: as.staff, valid: () => validCase },
    {
      route: 'POST /api/scans',
      path: () => '/api/scans',
      headers: as.staff,
      valid: () => ({ target: { drive: 'drive-fuzz' } }),
    },
    {
      route: 'PUT /api/admin/tools/:id',
      path: () => '/api/admin/tools/fuzz-tool',
      headers: as.admin,
      valid: () => validTool,
    },
    {
      route: 'POST /api/scans/upload',
      path: () => '/api/scans/upload',
      headers: { authorization: `Bearer ${uploadToken}` },
      valid: () => ({ sourceKey: 'fs:agent01:/mnt/afdeling', report: fixture.report }),
    },
  ];

  const contentType = fc.oneof(
    { weight: 12, arbitrary: fc.constant('application/json') },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'application/json; charset=utf-8',
        'application/json; charset=latin1',
        'application/json; charset=utf-16',
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        scanUploadMediaType,
        'application/json, text/plain',
        '',
      ),
    },
  );
  /** Bodies that are no JSON document of ours: broken, truncated, another encoding, nothing at all. */
  const rawBody = fc.oneof(
    fc.constantFrom(
      '',
      '{',
      '}',
      '[',
      'null',
      'true',
      '0',
      '"tekst"',
      '{"a":}',
      '{"a":1,}',
      "{'a':1}",
      '\u0000',
      '\ufeff{}',
    ),
    hostileString,
    deepNesting.map((r) => r.text),
    deepNesting.map((r) =>
      jsonText(
        new Obj([
          ['question', r],
          ['purpose', r],
          ['report', r],
        ]),
      ),
    ),
  );

  it.each(routes)('$route: no 5xx, errors in Dutch, nothing stored by a refused body', async (route) => {
    const body = fc.oneof(
      { weight: 4, arbitrary: mutated(route.valid()).map(jsonText) },
      { weight: 2, arbitrary: hostileContent(route.valid()).map(jsonText) },
      { weight: 2, arbitrary: hostileJson.map(jsonText) },
      { weight: 1, arbitrary: rawBody },
    );
    await fc.assert(
      fc.asyncProperty(body, contentType, async (text, type) => {
        await fuzzer.send({
          method: route.route.split(' ')[0]!,
          path: route.path(),
          headers: { ...route.headers, ...(type ? { 'content-type': type } : {}) },
          body: text,
        });
      }),
      fuzzParameters(
        1,
        breakerBodies(route.valid()).map((b): [string, string] => [jsonText(b), 'application/json']),
      ),
    );
    await fuzzer.healthy();
  });

  it.each(routes)('$route: bodies near and over the 256 kB limit get 413 or an answer, never 5xx', async (route) => {
    const limit = 256 * 1024;
    const frame = (filler: string): Json =>
      new Obj([
        ['question', filler],
        ['purpose', filler],
        ['tool', filler],
        ['report', filler],
      ]);
    // Bytes, not characters, count: fillers of one, two, three and four bytes a character.
    const sizes = fc.tuple(
      fc.constantFrom(limit - 100, limit - 1, limit, limit + 1, 2 * limit),
      fc.constantFrom('a', 'é', '€', '😀', '\u0000'),
    );
    await fc.assert(
      fc.asyncProperty(sizes, async ([bytes, unit]) => {
        const empty = Buffer.byteLength(jsonText(frame('')));
        const perUnit = Buffer.byteLength(JSON.stringify(unit)) - 2;
        const filler = unit.repeat(Math.max(0, Math.floor((bytes - empty) / 4 / perUnit)));
        const text = jsonText(frame(filler));
        const res = await fuzzer.send({
          method: route.route.split(' ')[0]!,
          path: route.path(),
          headers: { ...route.headers, 'content-type': 'application/json' },
          body: text,
        });
        if (Buffer.byteLength(text) > limit && res.status !== 413)
          throw new Error(`${Buffer.byteLength(text)} bytes: ${res.status}`);
      }),
      { ...fuzzParameters(), numRuns: 10 },
    );
    await fuzzer.healthy();
  });

  it('keeps Object.prototype as it was after bodies built to pollute it', async () => {
    const payloads = [
      '{"__proto__":{"polluted":"ja"},"question":"hoi"}',
      '{"constructor":{"prototype":{"polluted":"ja"}},"question":"hoi"}',
      '{"question":"hoi","__proto__":{"isAdmin":true,"roles":["admin"]}}',
    ];
    for (const route of routes)
      for (const body of payloads)
        await fuzzer.send({
          method: route.route.split(' ')[0]!,
          path: route.path(),
          headers: { ...route.headers, 'content-type': 'application/json' },
          body,
        });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    await fuzzer.healthy();
  });
});
