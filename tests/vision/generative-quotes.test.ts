import { quotesFaithful } from '../../src/vision/generative.js';

const passages = [
  {
    heading: 'Privacy',
    text: 'De gemeente gaat zorgvuldig om met persoonsgegevens.\nZe deelt ze niet zonder grondslag.',
  },
  { heading: 'Duurzaamheid', text: 'AI kost energie; de gemeente weegt dat mee.' },
];

describe('the quotes of a generated answer', () => {
  it('are faithful when each is exact text of the passage its citation names (line breaks and a first capital aside)', () => {
    expect(quotesFaithful('Volgens de visie "gaat zorgvuldig om met persoonsgegevens. Ze deelt" [1].', passages)).toBe(
      true,
    );
    expect(quotesFaithful('[1] Zie: "de gemeente gaat zorgvuldig om"', passages)).toBe(true);
    expect(quotesFaithful('[2] Zie: "AI kost energie"', passages)).toBe(true);
    expect(quotesFaithful('Geen citaat, wel een bron [1].', passages)).toBe(true);
  });

  it('are a misquote with a word changed, invented, under another passage, or without a citation', () => {
    expect(quotesFaithful('"De gemeente gaat slordig om met persoonsgegevens" [1]', passages)).toBe(false);
    expect(quotesFaithful('"De gemeente verkoopt geen gegevens" [1]', passages)).toBe(false);
    expect(quotesFaithful('"AI kost energie" [1]', passages)).toBe(false);
    expect(quotesFaithful('"AI kost energie"', passages)).toBe(false);
    expect(quotesFaithful('"AI kost energie" [3]', passages)).toBe(false);
  });
});
