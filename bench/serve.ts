import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { rootDir } from '../src/paths.js';

/**
 * `ai-wijzer serve` from the sources on a free port, in a process of its own (so that the load does not share its
 * event loop), with the embedded database in memory unless `env` says otherwise. The rate limits are raised: a
 * bench's many requests a second from one address would otherwise be answered 429, which is not what it measures.
 * BENCH_CPU_PROF=<dir> writes a CPU profile of the app, to see where a turn's time goes.
 */
export async function startApp(env: Record<string, string> = {}): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as AddressInfo;
      probe.close(() => resolve(free));
    });
  });
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : []),
      '--import',
      'tsx',
      join(rootDir, 'src', 'cli', 'main.ts'),
      'serve',
      '--port',
      String(port),
    ],
    {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATA_DIR: 'memory://',
        DATABASE_URL: '',
        LOG_LEVEL: 'silent',
        SCAN_WORKER_CONCURRENCY: '0',
        RATE_LIMIT_PER_USER: '1000000',
        RATE_LIMIT_PER_IP: '1000000',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (child.exitCode !== null) throw new Error('ai-wijzer serve stopped before it was ready');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
