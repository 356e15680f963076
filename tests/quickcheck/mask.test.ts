import { maskPersonalData } from '../../src/quickcheck/mask.js';
import { canonicalJson } from '../../src/quickcheck/index.js';

describe('masking personal data in the purpose before it is recorded', () => {
  it.each([
    ['brief aan j.de.vries@groningen.nl samenvatten', 'brief aan [e-mailadres] samenvatten'],
    ['dossier van BSN 123456782 bekijken', 'dossier van BSN [nummer] bekijken'],
    ['bel 06-12345678 terug', 'bel [telefoonnummer] terug'],
    ['betaling naar NL91 ABNA 0417 1643 00 controleren', 'betaling naar [IBAN] controleren'],
    ['notulen van het overleg van 12 maart samenvatten', 'notulen van het overleg van 12 maart samenvatten'],
  ])('%s', (input, expected) => {
    expect(maskPersonalData(input)).toBe(expected);
  });
});

describe('canonical JSON for the hash chain', () => {
  it('gives the same text whatever the key order, so a database that reorders keys does not break the chain', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: true, y: null }], c: 'x' } })).toBe(
      canonicalJson({ a: { c: 'x', d: [1, { y: null, z: true }] }, b: 1 }),
    );
    expect(canonicalJson({ a: undefined, b: 'é' })).toBe('{"b":"é"}');
  });
});
