import { askExtractive, detectLanguage, loadVision } from '../../src/vision/index.js';
import { chooseLanguage } from '../../src/vision/language.js';

const options = { contact: 'het privacyteam (privacy@example.nl)' };

describe('language', () => {
  it('detects English and defaults to Dutch', () => {
    expect(detectLanguage('What does the vision say about privacy?')).toBe('en');
    expect(detectLanguage('Wat zegt de visie over privacy?')).toBe('nl');
    expect(detectLanguage('DPIA')).toBe('nl');
    // "we" is Dutch and English alike.
    expect(detectLanguage('Verliezen we kennis door AI?')).toBe('nl');
  });

  it('lets the vision text decide when a question has no function words to go by', () => {
    const real = loadVision();
    expect(chooseLanguage(real, 'ai sustainability')).toBe('en');
    expect(chooseLanguage(real, 'is AI inclusive')).toBe('en');
    expect(chooseLanguage(real, 'duurzaamheid ai')).toBe('nl');
    // Words both texts use stay Dutch, the default.
    expect(chooseLanguage(real, 'privacy ai')).toBe('nl');
    expect(askExtractive(real, 'ai sustainability', options).language).toBe('en');
  });
});
