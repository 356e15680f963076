import { loadMigrations, migrate } from '../../src/store/index.js';
import { openTestStore, storeKinds } from '../helpers/store.js';

describe.each(storeKinds)('store on %s', (kind) => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  beforeAll(async () => {
    store = await openTestStore(kind);
  });
  afterAll(async () => store.dispose());

  it('applies every numbered migration once, at open', async () => {
    const rows = await store.query<{ version: number }>('select version from schema_migrations order by version');
    expect(rows.map((r) => r.version)).toEqual(loadMigrations().map((m) => m.version));
    expect(await migrate(store)).toEqual([]);
  });

  it('answers a ping', async () => {
    expect(await store.ping()).toBe(true);
    expect(store.kind).toBe(kind);
  });

  it('binds parameters and returns rows', async () => {
    await store.query('create table t_params (id int primary key, name text)');
    await store.query('insert into t_params values ($1, $2), ($3, $4)', [
      1,
      'een',
      2,
      "twee'); drop table t_params; --",
    ]);
    const rows = await store.query<{ id: number; name: string }>('select id, name from t_params where id = $1', [2]);
    expect(rows).toEqual([{ id: 2, name: "twee'); drop table t_params; --" }]);
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    await store.query('create table t_tx (id int primary key)');
    await store.transaction(async (tx) => {
      await tx.query('insert into t_tx values (1)');
    });
    await expect(
      store.transaction(async (tx) => {
        await tx.query('insert into t_tx values (2)');
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    const rows = await store.query<{ id: number }>('select id from t_tx order by id');
    expect(rows).toEqual([{ id: 1 }]);
  });

  it('refuses a migration set with two files of the same number', () => {
    expect(() => loadMigrations(new URL('./fixtures/duplicate-migrations', import.meta.url).pathname)).toThrow(
      'two migrations numbered 1',
    );
  });
});
