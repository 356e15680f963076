import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { loadVision, semanticFromConfig } from '../../src/vision/index.js';
import { rank } from '../../src/vision/ranking.js';
import { questionWords } from '../../src/vision/question.js';
import { fuse, sectionTexts } from '../../src/vision/semantic.js';

const vision = loadVision({ contentDir: join(import.meta.dirname ?? __dirname, 'fixtures', 'valid'), compounds: {} });
const index = vision.languages.nl;
const section = (id: string) => index.passages.find((p) => p.section.id === id)!.section;

describe('sectionTexts: what stands for a section in the semantic mode', () => {
  it('is its heading with its body, then each alternate and example question', () => {
    const privacy = section('privacy');
    const texts = sectionTexts(privacy);
    expect(texts[0]).toMatch(/^Privacy en gegevensbescherming\. Bij elke AI-toepassing/);
    expect(texts.slice(-privacy.questions.length - privacy.examples.length)).toEqual([
      ...privacy.questions,
      ...privacy.examples,
    ]);
  });

  it('cuts a long body into stretches of whole sentences, each with the heading, losing no sentence', () => {
    const long = {
      ...section('werk'),
      body: Array.from({ length: 30 }, (_, i) => `Dit is zin nummer ${i + 1} van een lange tekst over werk.`).join(' '),
    };
    const stretches = sectionTexts(long).filter((t) => t.startsWith('Werkgelegenheid. '));
    expect(stretches.length).toBeGreaterThan(1);
    for (const s of stretches) expect(s.length).toBeLessThanOrEqual('Werkgelegenheid. '.length + 600);
    expect(stretches.map((s) => s.slice('Werkgelegenheid. '.length)).join(' ')).toBe(long.body);
  });
});

describe('fuse: the order of the sections the words found, by words and meaning', () => {
  const words = questionWords(index, 'Hoe leer ik AI-tools goed gebruiken?');
  const ranked = rank(index, words);
  const at = (id: string) => index.passages.findIndex((p) => p.section.id === id);
  // Closest in meaning to "scholing", farthest from "privacy".
  const similarity = Float64Array.from(index.passages, (p) =>
    p.section.id === 'scholing' ? 0.9 : p.section.id === 'privacy' ? 0.1 : 0.5,
  );

  it('starts from words that favour privacy over scholing', () => {
    expect(ranked.map((r) => r.passage.section.id).slice(0, 2)).toEqual(['privacy', 'scholing']);
  });

  it('lets meaning reorder them, keeping the coverage of the words', () => {
    const fused = fuse(ranked, similarity, index.passages, 0.5);
    expect(fused[0]!.passage.section.id).toBe('scholing');
    expect(fused[0]!.coverage).toBe(ranked.find((r) => r.passage.section.id === 'scholing')!.coverage);
    expect(fused.map((r) => r.passage.section.id).sort()).toEqual(ranked.map((r) => r.passage.section.id).sort());
  });

  it('is the order of the words at weight 0 and the order of meaning at weight 1', () => {
    expect(fuse(ranked, similarity, index.passages, 0).map((r) => r.passage)).toEqual(ranked.map((r) => r.passage));
    const byMeaning = fuse(ranked, similarity, index.passages, 1).map((r) => similarity[at(r.passage.section.id)]!);
    expect(byMeaning).toEqual([...byMeaning].sort((a, b) => b - a));
  });

  it('never brings in a section the words did not find, however close in meaning', () => {
    const few = ranked.filter((r) => r.passage.section.id !== 'scholing');
    expect(fuse(few, similarity, index.passages, 1).map((r) => r.passage.section.id)).not.toContain('scholing');
  });
});

describe('semanticFromConfig: the semantic mode is off unless an endpoint and a model are configured', () => {
  it('is off by default and with only one of the two', () => {
    expect(semanticFromConfig(loadConfig({}))).toBeUndefined();
    expect(semanticFromConfig(loadConfig({ EMBEDDINGS_BASE_URL: 'http://embeddings.intern:8080/v1' }))).toBeUndefined();
    expect(semanticFromConfig(loadConfig({ EMBEDDINGS_MODEL: 'intfloat/multilingual-e5-small' }))).toBeUndefined();
  });

  it('takes key and prefixes, and gives the same object for the same settings (one set of section vectors)', () => {
    const env = {
      EMBEDDINGS_BASE_URL: 'http://embeddings.intern:8080/v1',
      EMBEDDINGS_MODEL: 'intfloat/multilingual-e5-small',
      EMBEDDINGS_QUERY_PREFIX: 'query: ',
      EMBEDDINGS_PASSAGE_PREFIX: 'passage: ',
    };
    const options = semanticFromConfig(loadConfig(env));
    expect(options).toEqual({
      baseUrl: env.EMBEDDINGS_BASE_URL,
      model: env.EMBEDDINGS_MODEL,
      queryPrefix: 'query: ',
      passagePrefix: 'passage: ',
    });
    expect(semanticFromConfig(loadConfig({ ...env }))).toBe(options);
    expect(semanticFromConfig(loadConfig({ ...env, EMBEDDINGS_API_KEY: 'sleutel' }))).toMatchObject({
      apiKey: 'sleutel',
    });
  });

  it('refuses an endpoint that is not a URL, in Dutch', () => {
    expect(() => loadConfig({ EMBEDDINGS_BASE_URL: 'embeddings-server' })).toThrow(
      /EMBEDDINGS_BASE_URL.*moet een volledige URL zijn/,
    );
  });
});
