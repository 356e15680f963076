import { findToolAndTask, loadQuickcheckContent } from '../../src/quickcheck/index.js';

const content = loadQuickcheckContent();
const find = (sentence: string) => findToolAndTask(sentence, content);

describe('finding the tool and the task in a sentence', () => {
  it.each([
    ['mag ik ChatGPT gebruiken om een brief samen te vatten?', 'chatgpt-free', 'summarize'],
    ['Kan ik Chat-GPT inzetten voor het vertalen van een folder?', 'chatgpt-free', 'translate'],
    ['Vat deze notitie samen met Copilot', 'copilot-chat', 'summarize'],
    ['Mag ik Microsoft 365 Copilot gebruiken om notulen te maken van een overleg?', 'm365-copilot', 'transcribe'],
    ['mag ik deepl pro gebruiken voor een brief in het Engels', 'deepl-pro', 'translate'],
    ['Kan ik met het lokale model een Python-script schrijven?', null, 'code'],
    ['Can I use ChatGPT to summarise a report?', 'chatgpt-free', 'summarize'],
    ['May I use DeepL to translate a letter?', 'deepl-free', 'translate'],
    [
      'Mag ik Copilot gebruiken om aanvragen voor bijzondere bijstand te beoordelen?',
      'copilot-chat',
      'decision-about-people',
    ],
    ['Mag ik Le Chat gebruiken om een afbeelding voor de nieuwsbrief te maken?', 'mistral-le-chat-free', 'image'],
    ['Wil ik een chatbot voor inwoners bouwen met het eigen taalmodel', 'lokaal-taalmodel', 'chatbot-citizens'],
  ])('%s -> %s, %s', (sentence, toolId, task) => {
    const match = find(sentence);
    if (toolId) expect(match.tool?.id).toBe(toolId);
    expect(match.task).toBe(task);
  });

  it('names a tool that is not in the register as written, for the "not in the register" path', () => {
    expect(find('mag ik Perplexity gebruiken om notulen uit te schrijven?')).toEqual({
      tool: { id: null, name: 'Perplexity' },
      task: 'transcribe',
    });
    expect(find('Can I use Google Gemini for drafting an e-mail?')).toEqual({
      tool: { id: null, name: 'Google Gemini' },
      task: 'text',
    });
  });

  it('finds nothing where nothing is named', () => {
    expect(find('mag ik dit gebruiken?')).toEqual({ tool: null, task: null });
    expect(find('hoe laat is het?')).toEqual({ tool: null, task: null });
  });

  it('does not take a word inside another word for a task ("Versiebeheer" is not "vertalen")', () => {
    expect(find('mag ik copilot gebruiken voor versiebeheer').task).toBeNull();
  });
});
