import { findToolAndTask, loadQuickcheckContent, type SentenceMatch } from '../../src/quickcheck/index.js';

const content = loadQuickcheckContent();
const find = (sentence: string) => findToolAndTask(sentence, content);
/** A register id, the ids to choose from, or "? name" for a tool the register does not know. */
const toolOf = ({ tool }: SentenceMatch) =>
  tool === null
    ? null
    : tool.kind === 'registered'
      ? tool.tool.id
      : tool.kind === 'ambiguous'
        ? tool.candidates.map((t) => t.id)
        : `? ${tool.name}`;

describe('finding the tool and the task in a sentence', () => {
  it.each([
    ['mag ik ChatGPT gebruiken om een brief samen te vatten?', 'chatgpt-free', 'summarize'],
    ['Kan ik Chat-GPT inzetten voor het vertalen van een folder?', 'chatgpt-free', 'translate'],
    ['Mag ik Microsoft 365 Copilot gebruiken om notulen te maken van een overleg?', 'm365-copilot', 'transcribe'],
    ['mag ik deepl pro gebruiken voor een brief in het Engels', 'deepl-pro', 'translate'],
    ['Kan ik met het lokale model een Python-script schrijven?', 'lokaal-taalmodel', 'code'],
    ['Can I use ChatGPT to summarise a report?', 'chatgpt-free', 'summarize'],
    ['Mag ik Le Chat gebruiken om een afbeelding voor de nieuwsbrief te maken?', 'mistral-le-chat-free', 'image'],
    ['Wil ik een chatbot voor inwoners bouwen met het eigen taalmodel', 'lokaal-taalmodel', 'chatbot-citizens'],
    ['Kunnen wij AI inzetten om bijstandsaanvragen te beoordelen?', null, 'decision-about-people'],
  ])('%s -> %s, %s', (sentence, toolId, task) => {
    const match = find(sentence);
    expect(toolOf(match)).toBe(toolId);
    expect(match.task).toBe(task);
  });

  it('gives every register entry a name fits, so that the person chooses', () => {
    expect(toolOf(find('Vat deze notitie samen met Copilot'))).toEqual([
      'm365-copilot',
      'copilot-chat',
      'github-copilot-free',
    ]);
    expect(toolOf(find('May I use DeepL to translate a letter?'))).toEqual(['deepl-free', 'deepl-pro']);
    // An entry's own full name is that entry, even where a longer name contains it.
    expect(toolOf(find('mag ik Microsoft 365 Copilot Chat gebruiken'))).toBe('copilot-chat');
  });

  it('forgives a one-letter slip in a long name', () => {
    expect(toolOf(find('mag ik chatgtp gebruiken voor een mail'))).toBe('chatgpt-free');
  });

  it('names a tool that is not in the register as written, for the "not in the register" path', () => {
    expect(find('mag ik Perplexity gebruiken om notulen uit te schrijven?')).toEqual({
      tool: { kind: 'unregistered', name: 'Perplexity' },
      task: 'transcribe',
    });
    expect(find('Can I use Google Gemini for drafting an e-mail?')).toEqual({
      tool: { kind: 'unregistered', name: 'Google Gemini' },
      task: 'text',
    });
  });

  it('takes no generic words for a tool name', () => {
    for (const sentence of ['mogen we ai overal inzetten', 'mag ik een AI-tool gebruiken?', 'can I use it for work'])
      expect(find(sentence).tool).toBeNull();
  });

  it('finds nothing where nothing is named', () => {
    expect(find('mag ik dit gebruiken?')).toEqual({ tool: null, task: null });
    expect(find('hoe laat is het?')).toEqual({ tool: null, task: null });
  });

  it('does not take a word inside another word for a task ("Versiebeheer" is not "vertalen")', () => {
    expect(find('mag ik copilot gebruiken voor versiebeheer').task).toBeNull();
  });
});
