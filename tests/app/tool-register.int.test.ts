import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApplication, type Caller } from '../../src/app/index.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { loadRegister } from '../../src/quickcheck/index.js';
import { defaultRegisterPath } from '../../src/quickcheck/register.js';
import { openStore, type Store } from '../../src/store/index.js';
import { baseCase } from '../quickcheck/cases.js';

const admin: Caller = { pseudonym: 'p-admin', roles: ['admin'] };
const staff: Caller = { pseudonym: 'p-staff' };
const entry = {
  name: 'Notulist Noord',
  vendor: 'Samenwerking Noord',
  contracted: true,
  hosting: 'eu',
  maxData: 'internal',
  dpia: ['transcribe'],
};
const config = loadConfig({ NODE_ENV: 'test' });
const logger = createLogger('silent');

/** Two instances of the app on one database, as behind a load balancer; the second holds the register for ttlMs. */
describe('the tool register kept in the database, across instances', () => {
  let store: Store;
  const schema = `test_${randomBytes(6).toString('hex')}`;
  beforeAll(async () => {
    store = await openStore({ databaseUrl: process.env.DATABASE_URL, dataDir: 'memory://', schema });
  });
  afterAll(async () => {
    if (store.kind === 'postgres') await store.query(`drop schema if exists ${schema} cascade`);
    await store.close();
  });

  it('seeds once from the YAML, and another instance sees a change after its TTL', async () => {
    const one = createApplication({ config, store, logger });
    const two = createApplication({ config, store, logger, registerTtlMs: 1000 });
    // Both read at once on an empty database: one seed, not two.
    const [a, b] = await Promise.all([one.checks.current(), two.checks.current()]);
    expect(a.register.tools).toEqual(loadRegister().tools);
    expect(b.register.version).toBe(a.register.version);
    expect(await store.query('select id from tool_register')).toHaveLength(loadRegister().tools.length);

    await one.admin.tools.put(admin, 'notulist-noord', entry, 'nl');
    // The instance that made the change uses it at once ...
    expect((await one.checks.current()).register.tools.map((t) => t.id)).toContain('notulist-noord');
    const recorded = await one.checks.run(staff, { ...baseCase, tool: 'Notulist Noord' }, 'nl');
    expect(recorded.tool).toEqual({
      id: 'notulist-noord',
      name: 'Notulist Noord',
      matched: { on: 'name', label: 'Notulist Noord' },
    });
    // ... the other one within its TTL still holds what it read, and after it reads the database again.
    expect((await two.checks.current()).register.tools.map((t) => t.id)).not.toContain('notulist-noord');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const later = await two.checks.current();
    expect(later.register.tools.map((t) => t.id)).toContain('notulist-noord');
    expect(later.register.version).toBe(recorded.registerVersion);
  });

  it('serialises two admins on two instances: both changes land, each in its own revision', async () => {
    const one = createApplication({ config, store, logger });
    const two = createApplication({ config, store, logger });
    const [x, y] = await Promise.all([
      one.admin.tools.put(admin, 'tolk-a', { ...entry, name: 'Tolk A' }, 'nl'),
      two.admin.tools.put(admin, 'tolk-b', { ...entry, name: 'Tolk B' }, 'nl'),
    ]);
    expect([x.register.revision, y.register.revision].sort()).toEqual([2, 3]);
    // The same name on two instances at once: the lock lets only the first one in.
    const results = await Promise.allSettled([
      one.admin.tools.put(admin, 'tolk-c', { ...entry, name: 'Tolk C' }, 'nl'),
      two.admin.tools.put(admin, 'tolk-d', { ...entry, name: 'Tolk C' }, 'en'),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const history = await one.admin.tools.history(admin, {}, 'nl');
    expect(history.changes.map((c) => c.revision)).toEqual([4, 3, 2, 1]);
  });

  it('refuses a staff member in the application layer too, before reading anything', async () => {
    const app = createApplication({ config, store, logger });
    await expect(app.admin.tools.list(staff)).rejects.toMatchObject({ kind: 'forbidden', code: 'not_admin' });
    await expect(app.admin.tools.put(staff, 'x', entry, 'nl')).rejects.toMatchObject({ kind: 'forbidden' });
    expect(() => app.admin.audit.exportCsv(staff)).toThrow(expect.objectContaining({ kind: 'forbidden' }));
  });

  it('without a store uses the YAML, and Beheer says there is no database', async () => {
    const app = createApplication({ config, logger });
    expect((await app.checks.current()).register.version).toBe(loadRegister().version);
    await expect(app.admin.tools.list(admin)).rejects.toMatchObject({ kind: 'unavailable', code: 'no_store' });
  });
});

/** The database holds a copy of the YAML until an admin changes it: an unedited copy follows a new file. */
describe('the tool register seeded from a file that changed since', () => {
  let store: Store;
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const dir = mkdtempSync(join(tmpdir(), 'ai-wijzer-register-'));
  // An older file: the shipped register as it was before its entries said what each tool is meant for.
  const older = join(dir, 'tools.yaml');
  writeFileSync(older, readFileSync(defaultRegisterPath, 'utf8').replace(/^ {4}tasks: .*\n/gm, ''));
  const app = (path?: string) =>
    createApplication({
      config: loadConfig({ NODE_ENV: 'test', ...(path ? { TOOL_REGISTER_PATH: path } : {}) }),
      store,
      logger,
      registerTtlMs: 0,
    });
  beforeAll(async () => {
    store = await openStore({ databaseUrl: process.env.DATABASE_URL, dataDir: 'memory://', schema });
  });
  afterAll(async () => {
    if (store.kind === 'postgres') await store.query(`drop schema if exists ${schema} cascade`);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('an unedited copy follows the new file; once an admin changed it, the database keeps its own', async () => {
    const seededOld = await app(older).checks.current();
    expect(seededOld.register.tools.every((t) => t.tasks.length === 0)).toBe(true);

    // The shipped file now: nobody changed the register here, so the file is the register again.
    const now = app();
    const followed = await now.checks.current();
    expect(followed.register.version).toBe(loadRegister().version);
    expect(followed.register.tools).toEqual(loadRegister().tools);

    // An admin changes it: from then on the database's register stays, whatever file an instance starts with.
    await now.admin.tools.put(admin, 'notulist-noord', entry, 'nl');
    const kept = await app(older).checks.current();
    expect(kept.register.tools.map((t) => t.id)).toContain('notulist-noord');
    expect(kept.register.tools.find((t) => t.id === 'm365-copilot')!.tasks.length).toBeGreaterThan(0);
    const [head] = await store.query<{ revision: number }>('select revision from tool_register_head');
    expect(head!.revision).toBe(1);
  });
});
