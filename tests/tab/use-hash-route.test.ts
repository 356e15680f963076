import { hashForSubPage, parseRoute } from '../../src/tab/useHashRoute.js';

describe('the tab routes', () => {
  it('reads the start page and the vision, at a section or not', () => {
    expect(parseRoute('')).toEqual({ view: 'home' });
    expect(parseRoute('#visie')).toEqual({ view: 'visie' });
    expect(parseRoute('#visie/privacy')).toEqual({ view: 'visie', sectionId: 'privacy' });
    expect(parseRoute('#visie/Privacy')).toEqual({ view: 'home' });
  });

  it("takes a Teams deep link's subEntityId when it is one of its routes, and nothing else", () => {
    expect(hashForSubPage('visie/privacy')).toBe('#visie/privacy');
    expect(hashForSubPage('visie/menselijke-tussenkomst')).toBe('#visie/menselijke-tussenkomst');
    expect(hashForSubPage('visie')).toBe('#visie');
    for (const other of [
      undefined,
      '',
      'privacy',
      '#visie/privacy',
      'visie/',
      'visie/privacy/extra',
      'visie/<script>',
      'visie/privacy?x=1',
      'https://example.org/#visie/privacy',
      '{"subEntityId":"visie/privacy"}',
    ])
      expect(hashForSubPage(other)).toBeUndefined();
  });
});
