import { answersItsType } from '../../src/vision/question.js';

describe('the kind of answer a question asks for', () => {
  it('wants a figure for an amount and a figure or month for a date, not one from the question itself', () => {
    expect(
      answersItsType(
        'Hoeveel stroom kost één prompt?',
        'We zijn ons bewust van de ecologische voetafdruk van AI-systemen.',
      ),
    ).toBe(false);
    expect(
      answersItsType(
        'Hoeveel medewerkers gebruiken AI maandelijks?',
        '13% van de respondenten gaf aan maandelijks AI in te zetten.',
      ),
    ).toBe(true);
    expect(
      answersItsType(
        'Hoe groot is het AI-budget in 2026?',
        'Zo ontvangen gemeenten vanaf 2026 aanzienlijk minder rijksmiddelen.',
      ),
    ).toBe(false);
    expect(answersItsType('Since when does the AI Act apply?', 'It fully entered into force in August 2024.')).toBe(
      true,
    );
    expect(
      answersItsType(
        'Op welke datum is de sessie voor de raad?',
        'Desgewenst kan een beeldvormende sessie worden georganiseerd.',
      ),
    ).toBe(false);
    expect(answersItsType('Wanneer noem je iets AI?', 'AI omvat technologieën die taken kunnen uitvoeren.')).toBe(true);
  });
});
