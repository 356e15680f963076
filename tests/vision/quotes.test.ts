import { sentences } from '../../src/vision/quotes.js';

describe('quotes', () => {
  it('never crosses a paragraph or a list item, and strips list markers', () => {
    const body =
      'Eerste zin. Tweede zin!\nNog steeds tweede alinea? Nee.\n\n- Een punt. Met twee zinnen.\n- Ander punt';
    const parts = sentences(body).map((s) => [body.slice(s.start, s.end), s.block]);
    expect(parts).toEqual([
      ['Eerste zin.', 0],
      ['Tweede zin!', 0],
      ['Nog steeds tweede alinea?', 0],
      ['Nee.', 0],
      ['Een punt.', 1],
      ['Met twee zinnen.', 1],
      ['Ander punt', 2],
    ]);
  });
});
