import { hashFor, hashForSubPage, parseRoute } from '../../src/tab/useHashRoute.js';

describe('the tab routes', () => {
  it('reads the start page, the question page and the vision, at a section or not', () => {
    expect(parseRoute('')).toEqual({ view: 'home' });
    expect(parseRoute('#')).toEqual({ view: 'home' });
    expect(parseRoute('#vraag')).toEqual({ view: 'vraag' });
    expect(parseRoute('#visie')).toEqual({ view: 'visie' });
    expect(parseRoute('#visie/privacy')).toEqual({ view: 'visie', sectionId: 'privacy' });
  });

  it('reads the check with its prefill, each value checked and anything unknown left out', () => {
    expect(parseRoute('#check')).toEqual({ view: 'check' });
    expect(parseRoute('#check?tool=chatgpt-free&task=text')).toEqual({
      view: 'check',
      tool: 'chatgpt-free',
      task: 'text',
    });
    expect(parseRoute('#check?task=poems&tool=Not%20An%20Id&extra=1')).toEqual({ view: 'check' });
    expect(parseRoute('#check?name=Perplexity%20Pro&task=translate')).toEqual({
      view: 'check',
      toolName: 'Perplexity Pro',
      task: 'translate',
    });
    expect(parseRoute('#check?name=boo%00far')).toEqual({ view: 'check' });
    expect(parseRoute(`#check?tool=${'a'.repeat(101)}`)).toEqual({ view: 'check' });
  });

  it('reads my checks and one of them by its record number', () => {
    expect(parseRoute('#checks')).toEqual({ view: 'checks' });
    expect(parseRoute('#checks/12')).toEqual({ view: 'checks', seq: 12 });
    for (const bad of ['#checks/0', '#checks/-1', '#checks/1e3', '#checks/12/x', '#checks/'])
      expect(parseRoute(bad)).toEqual({ view: 'not-found' });
  });

  it('knows an unknown hash as no page', () => {
    for (const other of ['#visie/Privacy', '#onbekend', '#vraag/x', '#checkx', '#visie/privacy?x=1'])
      expect(parseRoute(other)).toEqual({ view: 'not-found' });
  });

  it('writes each route back as its hash', () => {
    for (const hash of ['#vraag', '#visie', '#visie/privacy', '#check', '#check?tool=copilot-chat&task=summarize'])
      expect(hashFor(parseRoute(hash))).toBe(hash);
    expect(hashFor({ view: 'check', toolName: 'Perplexity Pro' })).toBe('#check?name=Perplexity+Pro');
    expect(hashFor({ view: 'checks', seq: 7 })).toBe('#checks/7');
  });

  it("takes a Teams deep link's subEntityId when it is one of its routes, and nothing else", () => {
    expect(hashForSubPage('visie/privacy')).toBe('#visie/privacy');
    expect(hashForSubPage('visie/menselijke-tussenkomst')).toBe('#visie/menselijke-tussenkomst');
    expect(hashForSubPage('visie')).toBe('#visie');
    expect(hashForSubPage('vraag')).toBe('#vraag');
    expect(hashForSubPage('check')).toBe('#check');
    expect(hashForSubPage('check?tool=chatgpt-free&task=text')).toBe('#check?tool=chatgpt-free&task=text');
    // Written anew from what was checked: an unknown value does not travel into the page's address.
    expect(hashForSubPage('check?tool=chatgpt-free&task=<script>')).toBe('#check?tool=chatgpt-free');
    expect(hashForSubPage('checks')).toBe('#checks');
    expect(hashForSubPage('checks/42')).toBe('#checks/42');
    for (const other of [
      undefined,
      '',
      'privacy',
      '#visie/privacy',
      'visie/',
      'visie/privacy/extra',
      'visie/<script>',
      'visie/privacy?x=1',
      'checks/abc',
      'https://example.org/#visie/privacy',
      '{"subEntityId":"visie/privacy"}',
    ])
      expect(hashForSubPage(other)).toBeUndefined();
  });
});
