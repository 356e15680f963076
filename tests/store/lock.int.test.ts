import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { rootDir } from '../../src/paths.js';
import { openStore, StoreLockedError, type Store } from '../../src/store/index.js';
import { lockFileName } from '../../src/store/lock.js';
import { baseCase } from '../quickcheck/cases.js';

/** The real CLI in a process of its own (node + tsx), as an admin would start it next to a running server. */
function cliProcess(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(rootDir, 'src', 'cli', 'main.ts'), ...args], {
    cwd: rootDir,
    env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'silent', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>(
    (resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done, output: () => stdout };
}

/** A process of its own that opens the store in dir, says so, and then does what `then` says. */
function holder(dir: string, then: 'wait' | 'exit-without-close') {
  const script = [
    `import { openStore } from ${JSON.stringify(join(rootDir, 'src', 'store', 'index.ts'))};`,
    `const store = await openStore({ dataDir: ${JSON.stringify(dir)} });`,
    `process.stdout.write('open\\n');`,
    then === 'exit-without-close' ? 'process.exit(0);' : 'setInterval(() => undefined, 1000);',
  ].join('\n');
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: rootDir,
    env: { ...process.env, DATABASE_URL: '' },
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const opened = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('open') && resolve());
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`holder stopped (${code}): ${stderr}`))));
  });
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  return { child, opened, closed };
}

const count = async (store: Store) =>
  Number((await store.query<{ n: number }>('select count(*)::int as n from quickcheck_records'))[0]!.n);

/** A pid that surely ran and surely no longer runs: a child that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('close', resolve));
  return child.pid!;
}

describe('the embedded database is for one process (DATA_DIR/db.lock)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ai-wijzer-lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses the CLI in a second process while a store is open, records nothing, and frees the folder on close', async () => {
    const store = await openStore({ dataDir: dir });
    const lockFile = join(dir, lockFileName);
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    const caseFile = join(dir, 'case.json');
    writeFileSync(caseFile, JSON.stringify(baseCase));

    const check = await cliProcess(['check', '--case', caseFile, '--json'], { DATA_DIR: dir }).done;
    expect(check.code).toBe(2);
    expect(check.stdout).toBe('');
    expect(check.stderr).toContain(
      `De ingebouwde database in ${dir} is al open in een ander proces (pid ${process.pid}). Stop dat proces of gebruik DATABASE_URL (PostgreSQL).`,
    );
    expect(check.stderr).toContain(`The embedded database in ${dir} is already open in another process`);
    const audit = await cliProcess(['audit', 'verify'], { DATA_DIR: dir }).done;
    expect(audit.code).toBe(2);
    expect(audit.stderr).toContain(`al open in een ander proces (pid ${process.pid})`);
    expect(await count(store)).toBe(0);

    await store.close();
    expect(existsSync(lockFile)).toBe(false);
    const after = await cliProcess(['check', '--case', caseFile, '--json'], { DATA_DIR: dir }).done;
    expect(after.code).toBe(0);
    const reopened = await openStore({ dataDir: dir });
    expect(await count(reopened)).toBe(1);
    await reopened.close();
  }, 90_000);

  it('refuses serve in a second process with exit 2, before it listens', async () => {
    const store = await openStore({ dataDir: dir });
    const serve = cliProcess(['serve', '--port', '0'], { DATA_DIR: dir });
    const timer = setTimeout(() => serve.child.kill('SIGTERM'), 60_000);
    const result = await serve.done;
    clearTimeout(timer);
    expect(result.code).toBe(2);
    expect(result.stdout).not.toContain('draait / is running');
    expect(result.stderr).toContain(`al open in een ander proces (pid ${process.pid})`);
    await store.close();
  }, 90_000);

  it('refuses this process while another process holds the folder, naming its pid', async () => {
    const other = holder(dir, 'wait');
    try {
      await other.opened;
      const refused = await openStore({ dataDir: dir }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(StoreLockedError);
      expect((refused as StoreLockedError).owner.pid).toBe(other.child.pid);
      expect((refused as Error).message).toContain(`pid ${other.child.pid}`);
    } finally {
      other.child.kill('SIGTERM');
      await other.closed;
    }
  }, 60_000);

  it('takes over the lock of a process that was killed (kill -9), and releases it when a process exits without closing', async () => {
    const killed = holder(dir, 'wait');
    await killed.opened;
    killed.child.kill('SIGKILL');
    await killed.closed;
    // Killed: no exit handler ran, the lock still names the dead pid.
    expect(JSON.parse(readFileSync(join(dir, lockFileName), 'utf8'))).toMatchObject({ pid: killed.child.pid });
    const store = await openStore({ dataDir: dir });
    expect(JSON.parse(readFileSync(join(dir, lockFileName), 'utf8'))).toMatchObject({ pid: process.pid });
    expect(await count(store)).toBe(0);
    await store.close();

    const exiting = holder(dir, 'exit-without-close');
    await exiting.closed;
    expect(existsSync(join(dir, lockFileName))).toBe(false);
  }, 60_000);

  it('takes over a stale lock: a dead pid, or our own pid left by an earlier life (pid 1 in a container)', async () => {
    const lockFile = join(dir, lockFileName);
    for (const pid of [await deadPid(), process.pid]) {
      writeFileSync(lockFile, JSON.stringify({ pid, host: hostname(), since: '2020-01-01T00:00:00Z' }));
      const store = await openStore({ dataDir: dir });
      expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: process.pid });
      await store.close();
      expect(existsSync(lockFile)).toBe(false);
    }
  }, 60_000);

  it('refuses a second open in the same process, and a lock held on another host, which it cannot check', async () => {
    const store = await openStore({ dataDir: dir });
    await expect(openStore({ dataDir: dir })).rejects.toBeInstanceOf(StoreLockedError);
    await store.close();

    const lockFile = join(dir, lockFileName);
    writeFileSync(lockFile, JSON.stringify({ pid: 4242, host: 'een-andere-container', since: '2020-01-01T00:00:00Z' }));
    const refused = await openStore({ dataDir: dir }).catch((error: unknown) => error as StoreLockedError);
    expect(refused).toBeInstanceOf(StoreLockedError);
    expect((refused as Error).message).toContain(`een-andere-container, pid 4242`);
    expect((refused as Error).message).toContain(`verwijder dan ${lockFile}`);
    expect(existsSync(lockFile)).toBe(true);
  });

  it('keeps no lock for memory://', async () => {
    const memory = await openStore({ dataDir: 'memory://' });
    const memory2 = await openStore({ dataDir: 'memory://' });
    expect(await memory2.ping()).toBe(true);
    await memory.close();
    await memory2.close();
  });

  (process.env.DATABASE_URL ? it : it.skip)(
    'keeps no lock for PostgreSQL (DATABASE_URL): several processes share one server',
    async () => {
      const url = process.env.DATABASE_URL!;
      const schema = `test_lock_${process.pid}_${Date.now()}`;
      const a = await openStore({ databaseUrl: url, dataDir: dir, schema });
      const b = await openStore({ databaseUrl: url, dataDir: dir, schema });
      try {
        expect(existsSync(join(dir, lockFileName))).toBe(false);
        expect(await a.ping()).toBe(true);
        expect(await b.ping()).toBe(true);
      } finally {
        await a.query(`drop schema if exists ${schema} cascade`);
        await a.close();
        await b.close();
      }
    },
  );
});
