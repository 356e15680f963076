import { compoundCandidates, vocabularyHash } from '../../src/vision/analysis/vocabulary.js';
import { loadCompounds } from '../../src/vision/compounds-data.js';
import { readVisionDocuments } from '../../src/vision/index.js';

describe('precomputed compound splits', () => {
  it('match the current Dutch vision (otherwise run: npm run vision:compounds)', () => {
    const data = loadCompounds();
    expect(data).toBeDefined();
    const candidates = compoundCandidates(readVisionDocuments().nl);
    expect({ hash: data!.vocabularyHash, hint: 'npm run vision:compounds' }).toEqual({ hash: vocabularyHash(candidates), hint: 'npm run vision:compounds' });
    for (const word of Object.keys(data!.splits)) expect(candidates).toContain(word);
  });
});
