import { hashFor, hashForSubPage, parseRoute } from '../../src/tab/useHashRoute.js';

describe('the Datahygiëne routes', () => {
  it('reads #scan and #scan/<report id>, and writes them back', () => {
    expect(parseRoute('#scan')).toEqual({ view: 'scan' });
    expect(parseRoute('#scan/3f2a-b_9')).toEqual({ view: 'scan', scanId: '3f2a-b_9' });
    expect(hashFor({ view: 'scan' })).toBe('#scan');
    expect(hashFor({ view: 'scan', scanId: 'abc' })).toBe('#scan/abc');
    for (const bad of ['#scan/', '#scan/a/b', '#scan/a b', '#scans', `#scan/${'a'.repeat(101)}`, '#scan?x=1'])
      expect(parseRoute(bad)).toEqual({ view: 'not-found' });
  });

  it('accepts them from a Teams deep link', () => {
    expect(hashForSubPage('scan')).toBe('#scan');
    expect(hashForSubPage('scan/abc-1')).toBe('#scan/abc-1');
    expect(hashForSubPage('scan/<script>')).toBeUndefined();
  });
});
