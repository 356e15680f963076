import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adviceFile, fill, formatBytes, loadAdvice } from '../../src/housekeeping/advice.js';
import { ruleIds } from '../../src/housekeeping/report.js';

describe('advice texts (src/housekeeping/advice.yaml)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hk-advice-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has a title, detail and advice in Dutch and English for every rule, and a version', () => {
    const texts = loadAdvice();
    expect(texts.version).toMatch(/\S/);
    for (const rule of ruleIds)
      for (const part of ['title', 'detail', 'advice'] as const)
        for (const lang of ['nl', 'en'] as const) expect(texts.rules[rule][part][lang].length).toBeGreaterThan(3);
  });

  it('stops on a broken file with the file and the field, or the line of a syntax error', () => {
    const missing = join(dir, 'missing.yaml');
    writeFileSync(
      missing,
      readFileSync(adviceFile, 'utf8').replace(
        /^ {4}advice:\n {6}nl: "Verwijder de lege map[^\n]*\n/m,
        '    advice:\n',
      ),
    );
    expect(() => loadAdvice(missing)).toThrow(/missing\.yaml: rules\.empty-folder\.advice/);
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'version: 1\ngroups: [\n');
    expect(() => loadAdvice(broken)).toThrow(/broken\.yaml: regel \d+/);
  });

  it('fills placeholders and formats sizes per language', () => {
    expect(fill('{a} en {b}', { a: 1, b: 'twee' })).toBe('1 en twee');
    expect(fill('{onbekend}', {})).toBe('{onbekend}');
    expect(formatBytes(1536, 'nl')).toBe('1,5 kB');
    expect(formatBytes(1536, 'en')).toBe('1.5 kB');
    expect(formatBytes(16 * 1024 ** 3, 'nl')).toBe('16 GB');
  });
});
