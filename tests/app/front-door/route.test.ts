import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { routeMessage, type Route } from '../../../src/app/front-door/route.js';
import { manifestDir } from '../../../src/paths.js';
import { loadQuickcheckContent } from '../../../src/quickcheck/index.js';

const content = loadQuickcheckContent();
const route = (text: string) => routeMessage(text, content);
const toolOf = (r: Route) =>
  r.kind !== 'check' || !r.tool
    ? null
    : r.tool.kind === 'registered'
      ? r.tool.tool.id
      : r.tool.kind === 'ambiguous'
        ? r.tool.candidates.map((t) => t.id)
        : `? ${r.tool.name}`;

describe('the front door: from a sentence to the right capability', () => {
  it.each([
    ['Mag ik ChatGPT gebruiken om een brief aan een inwoner te schrijven?', 'chatgpt-free', 'text'],
    ['mag ik ChatGPT gebruiken om een klachtbrief van een inwoner samen te vatten?', 'chatgpt-free', 'summarize'],
    ['Kan ik DeepL Pro inzetten voor het vertalen van een folder?', 'deepl-pro', 'translate'],
    ['Is Microsoft 365 Copilot toegestaan voor het samenvatten van een verslag?', 'm365-copilot', 'summarize'],
    ['Can I use ChatGPT to summarise a report?', 'chatgpt-free', 'summarize'],
    ['Am I allowed to use Le Chat to make a picture for the newsletter?', 'mistral-le-chat-free', 'image'],
  ])('"%s" starts the check with %s for %s', (sentence, tool, task) => {
    const r = route(sentence);
    expect(r.kind).toBe('check');
    expect(toolOf(r)).toBe(tool);
    expect(r.kind === 'check' && r.task).toBe(task);
  });

  it('asks which tool is meant when a name fits several register entries, and never picks one itself', () => {
    expect(toolOf(route('May I use Copilot for meeting notes?'))).toEqual([
      'm365-copilot',
      'copilot-chat',
      'github-copilot-free',
    ]);
    expect(toolOf(route('mag ik deepl gebruiken voor een brief in het engels'))).toEqual(['deepl-free', 'deepl-pro']);
  });

  it('names a tool the register does not know as the person wrote it', () => {
    expect(toolOf(route('mag ik Perplexity gebruiken om bronnen te zoeken?'))).toBe('? Perplexity');
    expect(toolOf(route('Is Otter toegestaan?'))).toBe('? Otter');
    expect(toolOf(route('mag ik ff chatgtp gebruiken voor een samenvatting'))).toBe('chatgpt-free');
  });

  it.each(['check', '/check', 'AI-check', 'ai check', 'snelle check', 'quick check', 'ik wil de AI-check doen'])(
    '"%s" starts an empty check',
    (command) =>
      expect(route(command)).toEqual({ kind: 'check', question: command, tool: null, task: null, command: true }),
  );

  it('"check <sentence>" starts the check with what the sentence names', () => {
    const r = route('check mag ik chatgpt gebruiken om te vertalen');
    expect(r).toMatchObject({ kind: 'check', task: 'translate' });
    expect(toolOf(r)).toBe('chatgpt-free');
  });

  it.each([
    'scan',
    '/scan',
    'datahygiëne',
    'check onze mappen',
    'scan our files',
    'kun je de teamsite van ons team scannen?',
    'hoe netjes zijn onze bestanden op sharepoint',
    'zijn er dubbele bestanden in onze teammappen',
    'is our SharePoint ready for AI?',
  ])('"%s" starts the scan', (sentence) => expect(route(sentence).kind).toBe('scan'));

  it.each([
    'wat zegt de visie over ChatGPT?',
    'waarom is de gratis versie van ChatGPT niet toegestaan',
    'welke AI-tools mogen we gebruiken?',
    'hoe ga ik verantwoord om met Copilot',
    'what does the vision say about ChatGPT?',
    'why is free ChatGPT not allowed?',
    'which AI tools are we allowed to use?',
    'wat zijn de kernwaarden',
    'wat zegt de visie over datahuishouding',
    'waarom moet de G-schijf eerst op orde zijn',
    'do we need to clean up our files before using AI?',
    'moeten we overal AI in stoppen',
    'mag je als gemeente eigenlijk wel AI gebruiken',
    'hoe vraag ik een parkeervergunning aan?',
  ])('"%s" stays a question for the vision', (sentence) => expect(route(sentence).kind).toBe('vision'));

  it.each([
    'hallo',
    'Hoi, wat kun jij allemaal?',
    'bedankt, dat was duidelijk',
    'ben je een mens?',
    'Can I talk to a person?',
  ])('"%s" is small talk the vision answers itself', (sentence) => expect(route(sentence).kind).toBe('intent'));

  it('"help" and the bare command words show what AI-wijzer can do', () => {
    for (const text of ['help', 'hulp', 'vraag', 'ask']) expect(route(text)).toEqual({ kind: 'help' });
  });

  it('"vraag <question>" asks the vision, whatever the question names', () => {
    expect(route('vraag mag ik chatgpt gebruiken?')).toEqual({ kind: 'vision', question: 'mag ik chatgpt gebruiken?' });
  });

  it('drops the Teams mention in a channel and routes what is left', () => {
    const r = route('<at>AI-wijzer</at> mag ik github copilot gebruiken voor een python script');
    expect(r).toMatchObject({ kind: 'check', question: 'mag ik github copilot gebruiken voor een python script' });
    expect(toolOf(r)).toBe('github-copilot-free');
  });

  it('has nothing to route in an empty message, a mention alone, or punctuation and emoji only', () => {
    for (const text of ['', '   ', '<at>AI-wijzer</at>', '?!', '👍👍']) expect(route(text)).toEqual({ kind: 'empty' });
  });

  it('routes every command of the manifest, in Dutch and English, to what its description promises', () => {
    const manifest = JSON.parse(readFileSync(join(manifestDir, 'manifest.json'), 'utf8'));
    const english = JSON.parse(readFileSync(join(manifestDir, 'en.json'), 'utf8'));
    const titles: string[] = manifest.bots[0].commandLists[0].commands.map((c: { title: string }) => c.title);
    const expected: Record<string, Route['kind']> = {
      help: 'help',
      vraag: 'help',
      ask: 'help',
      check: 'check',
      scan: 'scan',
    };
    titles.forEach((title, i) => {
      const translated: string = english[`bots[0].commandLists[0].commands[${i}].title`];
      for (const command of [title, translated])
        expect({ command, kind: route(command).kind }).toEqual({ command, kind: expected[command] });
    });
  });
});
