import { languageOf, preferredLang } from '../src/lang.js';

describe('the language of a user', () => {
  it('is English only when the locale starts with "en"', () => {
    expect(languageOf('en-US')).toBe('en');
    expect(languageOf('EN-gb')).toBe('en');
    expect(languageOf('nl-NL')).toBe('nl');
    expect(languageOf('de-DE')).toBe('nl');
    expect(languageOf(undefined)).toBe('nl');
  });

  it('follows the ranking of an Accept-Language header between Dutch and English', () => {
    expect(preferredLang('en-GB,en;q=0.9,nl;q=0.8')).toBe('en');
    expect(preferredLang('nl-NL,nl;q=0.9,en;q=0.8')).toBe('nl');
    expect(preferredLang('de-DE,en;q=0.5')).toBe('en');
    expect(preferredLang('fr-FR')).toBe('nl');
    expect(preferredLang(undefined)).toBe('nl');
  });
});
