import { visionFeedbackStore } from '../../src/store/repositories/vision.js';
import { openTestStore, storeKinds } from '../helpers/store.js';

describe.each(storeKinds)('vision feedback repository on %s', (kind) => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  beforeAll(async () => {
    store = await openTestStore(kind);
  });
  afterAll(async () => store.dispose());

  it('records and lists unanswered questions and feedback, newest first, by kind', async () => {
    const repo = visionFeedbackStore(store);
    await repo.record({ kind: 'unanswered', outcome: 'abstain', language: 'nl', visionVersion: '2025.1' });
    await repo.record({
      kind: 'unanswered',
      outcome: 'suggest',
      sectionId: 'privacy',
      question: 'Mag dit?',
      language: 'en',
      visionVersion: '2025.1',
    });
    await repo.record({ kind: 'feedback', helpful: true, sectionId: 'wat-is-ai', visionVersion: '2025.1' });
    const all = await repo.list();
    expect(all.map((r) => r.kind)).toEqual(['feedback', 'unanswered', 'unanswered']);
    expect(all[0]).toMatchObject({ helpful: true, sectionId: 'wat-is-ai' });
    expect(all[0]!.question).toBeUndefined();
    expect(all[1]).toMatchObject({ outcome: 'suggest', question: 'Mag dit?', language: 'en' });
    expect(all[2]).toEqual({
      id: all[2]!.id,
      kind: 'unanswered',
      outcome: 'abstain',
      language: 'nl',
      visionVersion: '2025.1',
      createdAt: all[2]!.createdAt,
    });
    expect(await repo.list({ kind: 'feedback' })).toHaveLength(1);
    expect(await repo.list({ limit: 1 })).toHaveLength(1);
  });

  it('refuses an unknown kind or outcome (database constraint)', async () => {
    const repo = visionFeedbackStore(store);
    await expect(repo.record({ kind: 'other' as 'feedback' })).rejects.toThrow();
    await expect(repo.record({ kind: 'unanswered', outcome: 'maybe' as 'answer' })).rejects.toThrow();
  });
});
