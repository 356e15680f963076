import { adviceTexts } from '../../src/housekeeping/advice.js';
import { ruleIds } from '../../src/housekeeping/report.js';
import { ruleTitles } from '../../src/tab/texts/scan.js';

/** The tab cannot read advice.yaml (it is loaded from disk on the server); its copy of the rule titles must not drift. */
describe("the tab's names of the scan rules", () => {
  it('are the titles of src/housekeeping/advice.yaml, in Dutch and English, for every rule', () => {
    const advice = adviceTexts().rules;
    for (const lang of ['nl', 'en'] as const)
      expect(ruleTitles[lang]).toEqual(Object.fromEntries(ruleIds.map((r) => [r, advice[r].title[lang]])));
  });
});
