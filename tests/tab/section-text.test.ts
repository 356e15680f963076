import { quoteBlocks, sectionBlocks } from '../../src/tab/views/section-text.js';

const body = [
  'AI helpt ons de stad beter te dienen.',
  'We zetten het in waar het',
  'mensen verder helpt.',
  '',
  'De kernwaarden zijn:',
  '- Menselijk: de mens blijft aan het roer.',
  '- Transparant: we leggen uit wat AI doet.',
  '',
  'Tot slot een alinea die niet geciteerd wordt.',
].join('\n');

describe('a section as blocks, a quote marked in it', () => {
  it('reads paragraphs (broken lines joined) and "- " runs as lists', () => {
    expect(sectionBlocks(body)).toEqual([
      {
        kind: 'paragraph',
        pieces: [
          {
            text: 'AI helpt ons de stad beter te dienen. We zetten het in waar het mensen verder helpt.',
            marked: false,
          },
        ],
      },
      { kind: 'paragraph', pieces: [{ text: 'De kernwaarden zijn:', marked: false }] },
      {
        kind: 'list',
        items: [
          [{ text: 'Menselijk: de mens blijft aan het roer.', marked: false }],
          [{ text: 'Transparant: we leggen uit wat AI doet.', marked: false }],
        ],
      },
      { kind: 'paragraph', pieces: [{ text: 'Tot slot een alinea die niet geciteerd wordt.', marked: false }] },
    ]);
  });

  it('keeps only the blocks that hold the quote, and marks it there, across a broken line too', () => {
    expect(quoteBlocks(body, 'We zetten het in waar het\nmensen verder helpt.')).toEqual([
      {
        kind: 'paragraph',
        pieces: [
          { text: 'AI helpt ons de stad beter te dienen. ', marked: false },
          { text: 'We zetten het in waar het mensen verder helpt.', marked: true },
        ],
      },
    ]);
  });

  it('marks a quote that runs from a sentence into the list it introduces', () => {
    const blocks = quoteBlocks(body, 'De kernwaarden zijn:\n- Menselijk: de mens blijft aan het roer.');
    expect(blocks).toEqual([
      { kind: 'paragraph', pieces: [{ text: 'De kernwaarden zijn:', marked: true }] },
      {
        kind: 'list',
        items: [
          [{ text: 'Menselijk: de mens blijft aan het roer.', marked: true }],
          [{ text: 'Transparant: we leggen uit wat AI doet.', marked: false }],
        ],
      },
    ]);
  });

  it('gives nothing for a quote the body does not hold, or an empty one', () => {
    expect(quoteBlocks(body, 'Dit staat er niet.')).toBeUndefined();
    expect(quoteBlocks(body, '')).toBeUndefined();
  });
});
