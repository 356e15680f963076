import { join } from 'node:path';
import { askExtractive, detectIntent, loadVision } from '../../src/vision/index.js';
import { loadSettings } from '../../src/vision/settings.js';

const contentDir = join(import.meta.dirname ?? __dirname, 'fixtures', 'valid');
const compounds = {
  gegevensbescherming: ['gegevens', 'bescherming'],
  gegevensbeschermingseffectbeoordeling: ['gegevens', 'bescherming', 'effect', 'beoordeling'],
};
const vision = loadVision({ contentDir, compounds });
const options = { contact: 'het privacyteam (privacy@example.nl)' };
// The topic rule (topic.ts) off: one known word beside unknown ones ("scholing kantine") abstains by it first; the
// specs of the other checks use this vision.
const noTopicSettings = (() => {
  const settings = loadSettings();
  return { ...settings, outcome: { ...settings.outcome, topic: { commonShare: 1, maxSpecificWords: 0 } } };
})();
const noTopic = loadVision({ contentDir, compounds, settings: noTopicSettings });
const bodyOf = (lang: 'nl' | 'en', id: string) =>
  vision.languages[lang].document.sections.find((s) => s.id === id)!.body;

describe('outcomes', () => {
  it('answers with one to three sentences quoted verbatim, the section, its heading and a link', () => {
    const result = askExtractive(vision, 'Wanneer is een DPIA nodig?', options);
    expect(result.outcome).toBe('answer');
    expect(result.citations).toHaveLength(1);
    const [citation] = result.citations;
    expect(citation!.sectionId).toBe('privacy');
    expect(citation!.heading).toBe('Privacy en gegevensbescherming');
    expect(bodyOf('nl', 'privacy')).toContain(citation!.quote);
    expect(citation!.quote).toContain('gegevensbeschermingseffectbeoordeling');
    expect(result.answer).toBe(citation!.quote);
    expect(result.link).toBe('/tab/#visie/privacy');
    expect(result.confidence).toBeGreaterThanOrEqual(loadSettings().outcome.answer.confidence);
    expect(result.visionVersion).toBe('2025.1-test');
    expect(result.generated).toBe(false);
  });

  it('abstains on out-of-scope questions and names who to ask', () => {
    for (const q of [
      'Hoe vraag ik een parkeervergunning aan?',
      'Wat voor weer wordt het morgen?',
      'Wie won de voetbalwedstrijd?',
      'Hoe reset ik mijn wachtwoord?',
    ]) {
      const result = askExtractive(vision, q, options);
      expect(result.outcome).toBe('abstain');
      expect(result.answer).toBe(
        'Dat staat niet in de AI-visie. Met deze vraag kun je terecht bij het privacyteam (privacy@example.nl).',
      );
      expect(result.citations).toEqual([]);
    }
    expect(askExtractive(vision, 'Who won the football match?', options).answer).toMatch(
      /^That is not in the AI vision\./,
    );
  });

  it('does not let a misspelling or a prefix of a vision word turn into an answer', () => {
    expect(askExtractive(vision, 'privacc', options).outcome).toBe('abstain');
    expect(askExtractive(vision, 'schol', options).outcome).toBe('abstain');
  });

  it('offers a choice instead of an answer when a question word is one the vision never uses', () => {
    const settings = loadSettings();
    expect(settings.outcome.answer.unknownWordWeight).toBeGreaterThan(settings.outcome.unknownWordWeight);
    // With unknown words weighed as leniently for answers as for suggestions, "bhv" and "ehbo" would not stop a quote.
    const lenientSettings = {
      ...settings,
      outcome: {
        ...settings.outcome,
        answer: { ...settings.outcome.answer, unknownWordWeight: settings.outcome.unknownWordWeight },
      },
    };
    const lenient = loadVision({ contentDir, compounds, settings: lenientSettings });
    const question = 'cursus scholing bhv ehbo';
    expect(askExtractive(lenient, question, options).outcome).toBe('answer');
    const result = askExtractive(vision, question, options);
    expect(result.outcome).toBe('suggest');
    expect(result.suggestions![0]!.sectionId).toBe('scholing');
    expect(askExtractive(vision, 'Is er een cursus over AI?', options).outcome).toBe('answer');
  });

  it("abstains when the vision uses fewer than half of the question's words, however well one of them matches", () => {
    const settings = loadSettings();
    expect(settings.outcome.suggest.knownWords).toBe(0.5);
    const question = 'scholing kantine parkeergarage';
    const result = askExtractive(noTopic, question, options);
    expect(result.outcome).toBe('abstain');
    expect(result.citations).toEqual([]);
    // The same question, with the rule off, is offered the one section its one known word points to.
    const lenient = loadVision({
      contentDir,
      compounds,
      settings: {
        ...noTopicSettings,
        outcome: { ...noTopicSettings.outcome, suggest: { ...settings.outcome.suggest, knownWords: 0 } },
      },
    });
    expect(askExtractive(lenient, question, options).suggestions?.[0]?.sectionId).toBe('scholing');
    // Half known is enough to be offered a choice.
    expect(askExtractive(noTopic, 'scholing kantine', options).outcome).not.toBe('abstain');
    // With the topic rule on, its one specific known word beside an unknown one abstains as well.
    expect(askExtractive(vision, 'scholing kantine', options).outcome).toBe('abstain');
  });

  it('suggests up to three sections when the question is only partly covered', () => {
    const result = askExtractive(vision, 'Wat doet AI met werk, privacy en opleiding van medewerkers?', options);
    expect(result.outcome).toBe('suggest');
    expect(result.suggestions!.length).toBeGreaterThanOrEqual(1);
    expect(result.suggestions!.length).toBeLessThanOrEqual(3);
    for (const c of result.citations) expect(bodyOf('nl', c.sectionId)).toContain(c.quote);
  });

  it('asks "bedoel je dit deel" when it offers one section, and to choose when it offers more, naming who to ask else', () => {
    const many = askExtractive(vision, 'Wat doet AI met werk, privacy en opleiding van medewerkers?', options);
    expect(many.suggestions!.length).toBeGreaterThan(1);
    expect(many.answer).toBe(
      `Ik weet niet zeker welk deel van de AI-visie je bedoelt. Kies een van deze onderdelen. Staat je antwoord er niet in, dan kun je terecht bij ${options.contact}.`,
    );
    const one = askExtractive(noTopic, 'scholing kantine', options);
    expect(one.outcome).toBe('suggest');
    expect(one.suggestions).toHaveLength(1);
    expect(one.answer).toBe(
      `Ik weet niet zeker of dit het antwoord op je vraag is. Bedoel je dit deel van de AI-visie? Zo niet, dan kun je terecht bij ${options.contact}.`,
    );
    expect(askExtractive(noTopic, 'training canteen', options).answer).toBe(
      `I am not sure this answers your question. Do you mean this part of the AI vision? If not, you can take your question to ${options.contact}.`,
    );
  });

  it('answers English questions from the English text', () => {
    const result = askExtractive(vision, 'Do I need a data protection impact assessment?', options);
    expect(result.language).toBe('en');
    expect(result.outcome).toBe('answer');
    expect(bodyOf('en', 'privacy')).toContain(result.citations[0]!.quote);
    expect(result.citations[0]!.heading).toBe('Privacy and data protection');
  });

  it('uses a language that was asked for over the detected one', () => {
    expect(askExtractive(vision, 'DPIA', { ...options, lang: 'en' }).language).toBe('en');
  });
});

describe('questions about the vision itself, and intents', () => {
  it('drops words for the vision itself from "what does the vision say about X", unless they are the topic', () => {
    const real = loadVision();
    const first = (q: string) => {
      const r = askExtractive(real, q, options);
      return r.outcome === 'abstain' ? undefined : (r.suggestions?.[0]?.sectionId ?? r.citations[0]?.sectionId);
    };
    expect(first('Wat zegt het AI-beleid over privacy?')).toBe('privacy');
    expect(first('What does the vision say about sustainability?')).toBe('duurzaamheid');
    // Without the vision's words nothing is left of these: they abstain instead of suggesting the introduction.
    expect(askExtractive(real, 'Wat zegt de visie over parkeren?', options).outcome).toBe('abstain');
    expect(askExtractive(real, 'What does the policy say about holidays?', options).outcome).toBe('abstain');
    // "wat is X, kun je het uitleggen" asks what X is, not about explainability.
    expect(first('Kun je uitleggen wat AI is?')).toBe('wat-is-ai');
    expect(first('Explain what artificial intelligence is')).toBe('wat-is-ai');
    expect(first('Moeten we besluiten van een algoritme kunnen uitleggen?')).toBe('menselijke-tussenkomst');
    // A question that asks exactly what a heading says gets that section, though its words are everywhere.
    expect(askExtractive(real, 'Wat is kunstmatige intelligentie?', options)).toMatchObject({
      outcome: 'answer',
      citations: [{ sectionId: 'wat-is-ai' }],
    });
    expect(first('What is artificial intelligence?')).toBe('wat-is-ai');
    // Lexicon phrases: "omdat het kan" (AI as a goal in itself), "slotsom"; the verb "act" is not the AI Act.
    expect(first('Zetten we AI in omdat het kan?')).toBe('ai-als-middel-niet-als-doel');
    expect(first('Wat is de slotsom van de visie?')).toBe('conclusie');
    expect(first('Can an AI system act by itself?')).toBe('wat-is-ai');
    expect(first('Which rules apply under the AI Act?')).toBe('wetgeving-en-richtlijnen');
    // "staat X in de AI-visie" asks about X too.
    expect(first('Is privacy een van de kernwaarden in de AI-visie?')).not.toBe('visie');
    // Only the vision asked about: kept.
    expect(first('Waar gaat de visie over?')).toBe('visie');
  });

  it('handles greetings, thanks and who-are-you without search, stating it is an AI system', () => {
    expect(detectIntent('Hoi!')).toBe('greeting');
    expect(detectIntent('Dank je wel')).toBe('thanks');
    expect(detectIntent('Wie ben jij?')).toBe('about');
    expect(detectIntent('Hoi, mag ik ChatGPT gebruiken?')).toBeUndefined();
    const greeting = askExtractive(vision, 'Goedemorgen', options);
    expect(greeting).toMatchObject({ outcome: 'answer', intent: 'greeting', citations: [] });
    expect(greeting.answer).toMatch(/AI-wijzer is een AI-systeem.*artikel 50/);
    const about = askExtractive(vision, 'who are you?', options);
    expect(about.language).toBe('en');
    expect(about.answer).toMatch(/AI-wijzer is an AI system.*Article 50/);
    expect(askExtractive(vision, 'bedankt', options).intent).toBe('thanks');
  });

  it('says it is an AI system when taken for a person, and who to turn to when a person is asked for', () => {
    for (const q of [
      'Ben jij een mens?',
      'praat ik met een robot',
      'Bent u een echte persoon?',
      'Are you a bot?',
      'am I talking to a human?',
    ])
      expect({ q, intent: detectIntent(q) }).toEqual({ q, intent: 'about' });
    for (const q of ['Kan ik een mens spreken?', 'ik wil graag met een medewerker praten', 'Can I talk to a person?'])
      expect({ q, intent: detectIntent(q) }).toEqual({ q, intent: 'human' });
    // Questions about people in the vision are searched: "can a person take the decision" is about human intervention.
    expect(detectIntent('Kan een mens het besluit nemen?')).toBeUndefined();
    expect(detectIntent('Moet er een mens meekijken bij AI-besluiten?')).toBeUndefined();
    const human = askExtractive(vision, 'Kan ik een mens spreken?', options);
    expect(human).toMatchObject({ outcome: 'answer', intent: 'human', language: 'nl', citations: [] });
    expect(human.answer).toMatch(/AI-wijzer is een AI-systeem, geen mens.*artikel 50.*contact op met/);
    expect(human.answer).toContain(options.contact);
    expect(askExtractive(vision, 'Can I talk to a person?', options).answer).toMatch(
      /AI system, not a person.*Please contact/,
    );
  });
});

describe('a question after a figure', () => {
  it('offers a choice instead of quoting a paragraph without the figure asked for', () => {
    const real = loadVision();
    expect(askExtractive(real, 'Hoeveel stroom kost één prompt aan een taalmodel?', options).outcome).not.toBe(
      'answer',
    );
    // (Its alternate question "Hoeveel procent van de medewerkers gebruikt AI?" was a near-copy of a held-out one and
    // left the content; this asks after the same figure in the vision's words.)
    const figure = askExtractive(real, 'Hoeveel medewerkers gebruiken AI volgens de nulmeting?', options);
    expect(figure.outcome).toBe('answer');
    expect(figure.answer).toMatch(/\d+%/);
  });
});

describe('out of scope by what the question asks', () => {
  const real = loadVision();
  it.each([
    'Hoe hoog is de Martinitoren?',
    'Kun je mijn mail samenvatten?',
    'Hoe maak ik een draaitabel in Excel?',
    'Ik wil een afspraak maken voor een nieuw paspoort',
    'Can you summarise my e-mail?',
  ])('abstains from "%s": its topic has no support in the vision, whatever else matches', (question) => {
    const result = askExtractive(real, question, options);
    expect(result.outcome).toBe('abstain');
    expect(result.citations).toEqual([]);
  });

  it('still answers or offers what the vision does say', () => {
    // A task asked of the vision itself, and questions whose unknown word stands beside words of the vision.
    expect(askExtractive(real, 'Kun je het AI-stuk in een paar zinnen samenvatten?', options).outcome).not.toBe(
      'abstain',
    );
    expect(askExtractive(real, 'Willen we onafhankelijk worden van Amerikaanse tech?', options).outcome).not.toBe(
      'abstain',
    );
    expect(askExtractive(real, 'Hoeveel stroom slurpt AI eigenlijk?', options).outcome).not.toBe('abstain');
  });
});
