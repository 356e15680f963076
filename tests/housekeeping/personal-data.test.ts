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

  it.each([
    ['06-12345678', '06-******78'],
    ['06 1234 5678', '06-******78'],
    ['0612345678', '06-******78'],
    ['06 12 34 56 78', '06-******78'],
    ['(06) 12345678', '06-******78'],
    ['+31 6 12345678', '06-******78'],
    ['+31612345678', '06-******78'],
    ['+31(0)6-12345678', '06-******78'],
    ['+31 (0)6 1234 5678', '06-******78'],
    ['0031 6 12345678', '06-******78'],
    ['050-1234567', '050-*****67'],
    ['050 123 45 67', '050-*****67'],
    ['(050) 1234567', '050-*****67'],
    ['+31 50 123 4567', '050-*****67'],
    ['0031501234567', '050-*****67'],
    ['0591-123456', '0591-****56'],
  ])('finds the Dutch phone number %s and masks it as %s', (number, masked) => {
    const name = `Terugbellen ${number}.docx`;
    expect(findPersonalData(name).map((f) => [f.kind, f.value])).toEqual([['phone', number]]);
    expect(maskPersonalData(name)).toBe(`Terugbellen ${masked}.docx`);
    expect(maskPersonalData(`Bel_${number}`)).toBe(`Bel_${masked}`);
  });

  it.each([
    ['a date', 'Overleg 2024-06-12.docx'],
    ['a Dutch date', 'Notulen 06-12-2024.docx'],
    ['a date and a time', 'Vergadering 06-12-2024 14.30'],
    ['a date written together', 'Scan 20240612.pdf'],
    ['a date with spaces', 'Brief 06 12 2024.docx'],
    ['a time', 'Opname 06:12:34.mp4'],
    ['an amount', 'Begroting 1.234.567,89.xlsx'],
    ['an amount in cents', 'Bedrag 0612345678,50.xlsx'],
    ['a version number', 'Setup 1.0612345678.exe'],
    ['a dotted version', 'Release v06.12.345678.zip'],
    ['an order number', 'Bestelling 1061234567.pdf'],
    ['a longer order number', 'Order 20240612345678.pdf'],
    ['a number after a year', 'Factuur 2024-0612345678.pdf'],
    ['a fixed-line number written together (a case number)', 'Zaak 0501234567.pdf'],
    ['no area code', 'Kenmerk 012-3456789.pdf'],
    ['a service number', 'Klantenservice 0800-1234567.txt'],
    ['a subscriber number starting with 0', 'Zaak 050-0123456.pdf'],
    ['too few digits', 'Bel 06-1234567.txt'],
    ['a camera file', 'IMG_20240612_123456.jpg'],
    ['a masked number', 'Terugbellen 06-******78.docx'],
  ])('takes %s for no phone number: %s', (_, name) => {
    expect(findPersonalData(name)).toEqual([]);
  });

  it('masks every kind so that masking again changes nothing and no check passes on the result', () => {
    const text = 'a/111222333 NL91ABNA0417164300 jan.jansen@groningen.nl.msg 06-12345678';
    const masked = maskPersonalData(text);
    expect(masked).toBe('a/******333 NL**ABNA******4300 j***@groningen.nl.msg 06-******78');
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
