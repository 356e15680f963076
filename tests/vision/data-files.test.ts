import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VisionContentError } from '../../src/vision/document.js';
import { lexiconPath, loadLexicon } from '../../src/vision/lexicon.js';
import { loadSettings, settingsPath } from '../../src/vision/settings.js';
import { contentErrorOf } from '../helpers/content-error.js';

const dir = mkdtempSync(join(tmpdir(), 'vision-data-'));

function rejection(load: (path: string) => unknown, name: string, text: string): VisionContentError {
  const path = join(dir, name);
  writeFileSync(path, text);
  return contentErrorOf(() => load(path));
}

describe('lexicon and settings files', () => {
  it('load as shipped', () => {
    expect(loadLexicon().synonyms.length).toBeGreaterThan(10);
    expect(loadSettings().outcome.answer.confidence).toBeGreaterThan(0);
  });

  it('name the file, line and field of a wrong value', () => {
    const settings = readFileSync(settingsPath, 'utf8').replace(
      /answer: \{ confidence: [\d.]+/,
      'answer: { confidence: 3',
    );
    const error = rejection(loadSettings, 'settings.yaml', settings);
    expect(error.file).toBe('settings.yaml');
    expect(error.line).toBe(settings.split('\n').findIndex((l) => l.includes('confidence: 3')) + 1);
    expect(error.problem).toMatch(/outcome\.answer\.confidence/);
  });

  it('reject a synonym group with one term, naming its line', () => {
    const lexicon = readFileSync(lexiconPath, 'utf8').replace(/terms: \[AVG, [^\]]*\]/, 'terms: [AVG]');
    const error = rejection(loadLexicon, 'lexicon.yaml', lexicon);
    expect(error.line).toBe(lexicon.split('\n').findIndex((l) => l.includes('terms: [AVG]')) + 1);
    expect(error.problem).toMatch(/synonyms\.1\.terms/);
  });

  it('reject YAML that does not parse', () => {
    expect(rejection(loadLexicon, 'broken.yaml', 'version: 1\nsynonyms: [\n').problem).toMatch(/geen geldige YAML/);
  });
});
