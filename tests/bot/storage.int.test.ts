import { DatabaseStorage } from '../../src/bot/storage.js';
import { botStateRepository } from '../../src/store/repositories/bot-state.js';
import { openTestStore, storeKinds } from '../helpers/store.js';

describe.each(storeKinds)('bot state in the database (%s)', (kind) => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  beforeAll(async () => {
    store = await openTestStore(kind);
  });
  afterAll(async () => store.dispose());

  it('reads what it wrote, with an eTag, and deletes it', async () => {
    const storage = new DatabaseStorage(botStateRepository(store));
    await storage.write({ 'msteams/conversations/a': { greeted: true } });
    const read = await storage.read(['msteams/conversations/a', 'missing']);
    expect(read['msteams/conversations/a']).toMatchObject({ greeted: true, eTag: expect.any(String) });
    expect(read.missing).toBeUndefined();
    await storage.delete(['msteams/conversations/a']);
    expect(await storage.read(['msteams/conversations/a'])).toEqual({});
  });

  it('refuses a write with a stale eTag, so two instances cannot overwrite each other', async () => {
    const storage = new DatabaseStorage(botStateRepository(store));
    await storage.write({ k: { n: 1 } });
    const first = (await storage.read(['k'])).k as { n: number; eTag: string };
    await storage.write({ k: { ...first, n: 2 } });
    await expect(storage.write({ k: { ...first, n: 3 } })).rejects.toThrow('eTag conflict');
    expect(((await storage.read(['k'])).k as { n: number }).n).toBe(2);
    await storage.write({ k: { n: 4, eTag: '*' } });
    expect(((await storage.read(['k'])).k as { n: number }).n).toBe(4);
  });
});
