import {
  findPersonalData,
  maskPersonalData,
  passesElevenTest,
  passesIbanCheck,
} from '../../src/housekeeping/personal-data.js';

describe('personal data in names', () => {
  it('applies the 11-proef to BSNs', () => {
    expect(passesElevenTest('111222333')).toBe(true);
    expect(passesElevenTest('123456782')).toBe(true);
    expect(passesElevenTest('123456789')).toBe(false);
    expect(passesElevenTest('000000000')).toBe(false);
    expect(passesElevenTest('12345678')).toBe(false);
  });

  it('applies mod 97 to Dutch IBANs, with or without spaces and in any case', () => {
    expect(passesIbanCheck('NL91ABNA0417164300')).toBe(true);
    expect(passesIbanCheck('nl91 abna 0417 1643 00')).toBe(true);
    expect(passesIbanCheck('NL91ABNA0417164301')).toBe(false);
    expect(passesIbanCheck('DE89370400440532013000')).toBe(false);
  });

  it('finds BSNs only as whole 9-digit numbers (also written 1234.56.782)', () => {
    expect(findPersonalData('brief 1112.22.333 en 111222333').map((f) => f.kind)).toEqual(['bsn', 'bsn']);
    expect(findPersonalData('ordernummer 1111222333')).toEqual([]);
    expect(findPersonalData('x111222333')).toHaveLength(1);
  });

  it('reads an e-mail address in a file name without the extension', () => {
    expect(findPersonalData('Mail van jan.jansen@groningen.nl.msg')[0]!.value).toBe('jan.jansen@groningen.nl');
    expect(findPersonalData('team@overleg.docx')).toEqual([]);
    expect(findPersonalData('p.de.vries@gemeente.groningen.nl')[0]!.value).toBe('p.de.vries@gemeente.groningen.nl');
  });

  it('masks every kind so that masking again changes nothing and no check passes on the result', () => {
    const text = 'a/111222333 NL91ABNA0417164300 jan.jansen@groningen.nl.msg';
    const masked = maskPersonalData(text);
    expect(masked).toBe('a/******333 NL**ABNA******4300 j***@groningen.nl.msg');
    expect(maskPersonalData(masked)).toBe(masked);
    expect(findPersonalData(masked)).toEqual([]);
    expect(maskPersonalData('gewone naam 2024.docx')).toBe('gewone naam 2024.docx');
  });
});

describe('the generators of planted personal data', () => {
  it('make BSNs and IBANs that pass, or fail, the checks as asked', async () => {
    const { makeBsn, makeIban } = await import('./planted.js');
    let s = 7;
    const next = () => (s = (s * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 200; i++) {
      expect(passesElevenTest(makeBsn(next))).toBe(true);
      expect(passesElevenTest(makeBsn(next, false))).toBe(false);
      expect(passesIbanCheck(makeIban(next))).toBe(true);
      expect(passesIbanCheck(makeIban(next, false))).toBe(false);
    }
  });
});
