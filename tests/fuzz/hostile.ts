import fc from 'fast-check';

/**
 * Hostile input for the fuzz suites: strings, numbers, keys and JSON documents that break naive code. Objects are
 * kept as lists of entries (`Obj`), never as JavaScript objects, so that a key such as `__proto__` is sent as the
 * text of a key and never sets a prototype in the test itself; `Raw` is JSON text sent as it is (numbers no
 * JavaScript number writes, deep nesting).
 */
export class Raw {
  constructor(readonly text: string) {}
}
export class Obj {
  constructor(readonly entries: readonly (readonly [string, Json])[]) {}
}
export type Json = string | number | boolean | null | Raw | Obj | Json[];

/** JSON text of a document; a non-finite number becomes null, as JSON.stringify writes it. */
export function jsonText(value: Json): string {
  if (value instanceof Raw) return value.text;
  if (value instanceof Obj)
    return `{${value.entries.map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`).join(',')}}`;
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  return JSON.stringify(value);
}

/** A plain JSON value (a valid body) as a document to mutate. */
export function fromPlain(value: unknown): Json {
  if (Array.isArray(value)) return value.map(fromPlain);
  if (value !== null && typeof value === 'object')
    return new Obj(Object.entries(value).map(([k, v]) => [k, fromPlain(v)] as const));
  return value as Json;
}

/** Characters and pieces that have broken parsers, databases, logs and renderers. */
export const specialPieces = [
  '\u0000', // NUL: PostgreSQL text and jsonb refuse it
  '\ud800', // a lone high surrogate
  '\udfff', // a lone low surrogate
  '\udc00\ud800', // surrogates the wrong way round
  '\u200f', // right-to-left mark
  '\u202e', // right-to-left override
  '\u2066', // left-to-right isolate
  '\u200d', // zero-width joiner
  '\u200b', // zero-width space
  '\ufeff', // byte order mark
  '\u00ad', // soft hyphen
  '\u0301', // a combining mark alone
  'e\u0301\u0302\u0303\u0304',
  'Z\u0351\u0352\u0357\u0358\u0359\u035a',
  '👩‍👩‍👧‍👦',
  '🏳️‍🌈',
  '😀',
  '\u{10ffff}',
  '\ufffd',
  '\r\n',
  '\t',
  '\u001b[31m',
  '\u0085',
  '\u2028',
  '%00',
  '%',
  '\\',
  '"',
  "'",
  '`',
  '<script>alert(1)</script>',
  "'; drop table quickcheck_records; --",
  '${7*7}',
  '{{7*7}}',
  '../../etc/passwd',
  'ﷺ',
  'ß',
  'İ',
  'ﬃ',
  'Ⅻ',
  '١٢٣',
  'ChatGPT',
  'copilot',
] as const;

/** Strings that look like something else: numbers, constants, keys of Object.prototype. */
export const lookalikes = [
  '',
  ' ',
  '0',
  '-0',
  '1',
  '-1',
  '01',
  '1.0',
  '1e3',
  '1e309',
  '0x10',
  '0b1',
  '0o7',
  ' 1 ',
  'NaN',
  'Infinity',
  '-Infinity',
  'null',
  'undefined',
  'true',
  'false',
  '[]',
  '{}',
  '2147483647',
  '2147483648',
  '3000000000',
  '4294967296',
  '9007199254740991',
  '9007199254740993',
  '99999999999999999999999999999999',
  '9'.repeat(400),
  '0.' + '0'.repeat(400) + '1',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'nl',
  'en',
  'NL',
  'en-US',
  'fr',
  '0000-01-01',
  '0001-01-01',
  '1969-12-31',
  '2026-02-30',
  '2026-13-01',
  '9999-12-31',
  '+275760-09-13',
  '2026-01-01T00:00:00Z',
  '00000000-0000-0000-0000-000000000000',
  '------------------------------------',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '3F2A6C1E-8B4D-4E7A-9C21-5D0B7E6F4A12',
] as const;

const char16 = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...specialPieces) },
  // What databases refuse comes often: a string of a dozen pieces holds one more often than not.
  { weight: 1, arbitrary: fc.constantFrom('\u0000', '\ud800', '\udfff') },
  { weight: 2, arbitrary: char16 },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom(...lookalikes) },
);

/** Lengths around the limits the schemas set (a tool name 200, a question 500, a purpose 1000, a path 4000). */
const nearLimits = [63, 64, 65, 99, 100, 101, 199, 200, 201, 255, 256, 257, 499, 500, 501, 999, 1000, 1001, 2001, 4001];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.array(piece, { maxLength: 24 }).map((p) => p.join('')) },
  { weight: 3, arbitrary: fc.constantFrom(...lookalikes) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...nearLimits),
        fc.constantFrom('a', 'é', '😀', '\u0301', ' ', '\u0000', '\ud800', 'e\u0301'),
      )
      .map(([n, c]) => c.repeat(Math.ceil(n / c.length)).slice(0, n)),
  },
);

/** Numbers JavaScript writes, and number texts it cannot (very long, beyond a double). */
export const hostileNumber: fc.Arbitrary<Json> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -0, 1, -1, 0.5, 2 ** 31 - 1, 2 ** 31, 2 ** 32, 2 ** 53 - 1, 2 ** 53, -(2 ** 53), 1e308, 5e-324),
  fc
    .constantFrom(
      '1e400',
      '-1e400',
      '1E-400',
      '123456789012345678901234567890',
      '-0.0',
      '1.000000000000000000000000000001',
      '9'.repeat(1000),
    )
    .map((t) => new Raw(t)),
);

export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '__proto__',
      'constructor',
      'prototype',
      'toString',
      'valueOf',
      'hasOwnProperty',
      '',
      ' ',
      '__defineGetter__',
    ),
  },
  { weight: 2, arbitrary: hostileString },
);

/** A payload that pollutes Object.prototype if any code merges it into an object the naive way. */
export const pollution: fc.Arbitrary<Json> = fc.constantFrom(
  new Obj([['polluted', 'ja']]),
  new Obj([['prototype', new Obj([['polluted', 'ja']])]]),
  new Obj([['__proto__', new Obj([['polluted', 'ja']])]]),
  new Obj([['toString', 'geen functie']]),
);

/** Any JSON value, nested a few levels, with hostile strings, numbers and keys. */
export const hostileJson: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    pollution,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(hostileKey, tie('value')), { maxLength: 4 }).map((e) => new Obj(e)),
  ),
})).value;

/** JSON nested far deeper than any body of ours, as raw text (no recursion in the test to write it). */
export const deepNesting: fc.Arbitrary<Raw> = fc
  .tuple(fc.constantFrom(64, 1000, 10_000, 100_000), fc.constantFrom('[', '{"a":'))
  .map(([depth, open]) => new Raw(open.repeat(depth) + '1' + (open === '[' ? ']' : '}').repeat(depth)));

/** Every place in a document: the keys leading to each value, the root first. */
function placesOf(value: Json, at: (string | number)[] = []): (string | number)[][] {
  const inner =
    value instanceof Obj
      ? value.entries.flatMap(([k, v]) => placesOf(v, [...at, k]))
      : Array.isArray(value)
        ? value.flatMap((v, i) => placesOf(v, [...at, i]))
        : [];
  return [at, ...inner];
}

/** The document with the value at `path` replaced by what `change` makes of it (undefined: removed). */
function changeAt(value: Json, path: readonly (string | number)[], change: (v: Json) => Json | undefined): Json {
  if (path.length === 0) return change(value) ?? null;
  const [head, ...rest] = path;
  if (value instanceof Obj)
    return new Obj(
      value.entries.flatMap(([k, v]) => {
        if (k !== head) return [[k, v] as const];
        const next = rest.length === 0 ? change(v) : changeAt(v, rest, change);
        return next === undefined ? [] : [[k, next] as const];
      }),
    );
  if (Array.isArray(value))
    return value.flatMap((v, i) => {
      if (i !== head) return [v];
      const next = rest.length === 0 ? change(v) : changeAt(v, rest, change);
      return next === undefined ? [] : [next];
    });
  return value;
}

type Mutation = (v: Json) => Json | undefined;

/** What is done to one place of a valid body: a hostile value, a wrong type, removed, an extra or doubled key. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 4,
    arbitrary: hostileString.map(
      (s): Mutation =>
        () =>
          s,
    ),
  },
  {
    weight: 2,
    arbitrary: hostileJson.map(
      (j): Mutation =>
        () =>
          j,
    ),
  },
  {
    weight: 1,
    arbitrary: hostileNumber.map(
      (n): Mutation =>
        () =>
          n,
    ),
  },
  { weight: 1, arbitrary: fc.constant<Mutation>(() => undefined) },
  { weight: 1, arbitrary: fc.constant<Mutation>((v) => [v]) },
  { weight: 1, arbitrary: fc.constant<Mutation>((v) => new Obj([['value', v]])) },
  { weight: 1, arbitrary: fc.constant<Mutation>((v) => (typeof v === 'string' ? v + v.repeat(50) : v)) },
  {
    weight: 2,
    arbitrary: fc.tuple(hostileKey, hostileJson).map(
      ([k, extra]): Mutation =>
        (v) =>
          v instanceof Obj ? new Obj([...v.entries, [k, extra]]) : v,
    ),
  },
  {
    weight: 1,
    arbitrary: hostileJson.map(
      (extra): Mutation =>
        (v) =>
          v instanceof Obj && v.entries.length > 0 ? new Obj([...v.entries, [v.entries[0]![0], extra]]) : v,
    ),
  },
);

/** A valid body with one to three places changed: deep enough to pass the first checks and reach the later ones. */
export function mutated(valid: unknown): fc.Arbitrary<Json> {
  const base = fromPlain(valid);
  const places = placesOf(base);
  return fc
    .array(fc.tuple(fc.constantFrom(...places), mutation), { minLength: 1, maxLength: 3 })
    .map((changes) => changes.reduce<Json>((doc, [path, change]) => changeAt(doc, path, change), base));
}

/** A valid body with one or two of its strings hostile: the right types and shape, hostile content. */
export function hostileContent(valid: unknown): fc.Arbitrary<Json> {
  const base = fromPlain(valid);
  const strings = placesOf(base).filter((path) => typeof valueAt(base, path) === 'string');
  const changes = fc
    .subarray(strings, { minLength: 1, maxLength: Math.min(2, strings.length) })
    .chain((paths) =>
      fc
        .array(hostileString, { minLength: paths.length, maxLength: paths.length })
        .map((values) => ({ paths, values })),
    );
  return changes.map(({ paths, values }) =>
    paths.reduce<Json>((doc, path, i) => changeAt(doc, path, () => values[i]!), base),
  );
}

/**
 * Percent-encoding as a browser sends it (lone surrogates as U+FFFD), or bytes that are no UTF-8 at all; at most
 * 2,000 characters, so that a whole request line stays under Node's 16 kB for headers (beyond it Node's HTTP parser
 * answers 431 with no body, before any route of ours).
 */
export const urlPart: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 5,
    arbitrary: hostileString.map((s) =>
      [...new TextEncoder().encode(s)]
        .map((b) =>
          /[A-Za-z0-9_~-]/.test(String.fromCharCode(b))
            ? String.fromCharCode(b)
            : `%${b.toString(16).padStart(2, '0')}`,
        )
        .join('')
        .slice(0, 2000)
        .replace(/%[0-9a-f]?$/, ''),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '%ZZ',
      '%',
      '%E0%A4%A',
      '%C0%80',
      '%ED%A0%80',
      '%FF%FE',
      '%2e',
      '%2F',
      '%5C',
      '%00',
      '+',
      '%20',
    ),
  },
);

/** A query string of known and hostile keys, repeated keys and bracket keys included. */
export function queryString(keys: readonly string[]): fc.Arbitrary<string> {
  const key = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...keys) },
    { weight: 1, arbitrary: fc.constantFrom(...keys).map((k) => `${k}[]`) },
    { weight: 1, arbitrary: fc.constantFrom(...keys).map((k) => `${k}[__proto__]`) },
    { weight: 2, arbitrary: urlPart },
  );
  return fc.array(fc.tuple(key, fc.option(urlPart, { nil: undefined })), { maxLength: 5 }).map((pairs) =>
    pairs
      .map(([k, v]) => (v === undefined ? k : `${k}=${v}`))
      .join('&')
      .slice(0, 6000)
      .replace(/%[0-9a-f]?$/i, ''),
  );
}

/** A path segment for a route parameter (never "." or "..", which the URL itself would resolve away). */
export const pathSegment: fc.Arbitrary<string> = urlPart
  .filter((s) => s.length > 0)
  .map((s) => (/^(\.|%2e){1,2}$/i.test(s) ? `${s}x` : s));

/** What broke the server once, each put in every string of a valid body (up to `max` places): run on every seed. */
export const knownBreakers = ['constructor', '__proto__', '\u0000', 'a\ud800b', '\udfff', 'e\u0301'] as const;

export function breakerBodies(valid: unknown, max = 16): Json[] {
  const base = fromPlain(valid);
  const strings = placesOf(base)
    .filter((path) => typeof valueAt(base, path) === 'string')
    .slice(0, max);
  return strings.flatMap((path) => knownBreakers.map((b) => changeAt(base, path, () => b)));
}

function valueAt(doc: Json, path: readonly (string | number)[]): Json | undefined {
  let v: Json | undefined = doc;
  for (const k of path)
    v = v instanceof Obj ? v.entries.find(([key]) => key === k)?.[1] : Array.isArray(v) ? v[k as number] : undefined;
  return v;
}
