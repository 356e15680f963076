import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { rootDir } from '../../src/paths.js';
import { runCaptured } from '../helpers/cli.js';

describe('the ai-wijzer CLI', () => {
  it('lists its commands in Dutch and in English', async () => {
    const { code, stdout } = await runCaptured(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Gebruik: ai-wijzer <opdracht>');
    expect(stdout).toContain('Usage: ai-wijzer <command>');
    expect(stdout).toMatch(/serve\s+start de app/);
    expect(stdout).toMatch(/package\s+build the Teams app package/);
  });

  it('explains a command in both languages', async () => {
    const { code, stdout } = await runCaptured(['package', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Vult manifest/');
    expect(stdout).toContain('Fills manifest/');
  });

  it('refuses an unknown command or option with exit code 2 and a Dutch message', async () => {
    const unknown = await runCaptured(['bestaatniet']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Onbekende opdracht 'bestaatniet'");
    const option = await runCaptured(['package', '--omgeving', 'dev']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('Onbekende optie --omgeving');
    const port = await runCaptured(['serve', '--port', 'abc']);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('--port');
  });

  it('will not serve with a wrong configuration, naming the variable', async () => {
    const { code, stderr } = await runCaptured(['serve'], { BOT_TYPE: 'MultiTenant' });
    expect(code).toBe(2);
    expect(stderr).toContain("BOT_TYPE: moet 'SingleTenant' of 'UserAssignedMSI' zijn");
  });

  it('says plainly that a port is in use, with exit code 2 and no stack trace', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as AddressInfo;
    try {
      const { code, stderr } = await runCaptured(['serve', '--port', String(port)], {
        DATA_DIR: 'memory://',
        DATABASE_URL: '',
        LOG_LEVEL: 'silent',
      });
      expect(code).toBe(2);
      expect(stderr).toContain(`Poort ${port} is al in gebruik: stop het andere proces of kies een andere poort`);
      expect(stderr).not.toMatch(/EADDRINUSE|\n\s+at /);
    } finally {
      holder.close();
    }
  });

  it('writes the app package for the example environment, warning that it holds placeholders', async () => {
    const out = mkdtempSync(join(tmpdir(), 'aiw-cli-'));
    const { code, stdout, stderr } = await runCaptured(['package', '--env', 'dev', '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toContain('ai-wijzer-dev.zip');
    expect(stderr).toContain('Let op: dit pakket bevat voorbeeldwaarden');
    expect(stderr).toContain('  - BOT_ID in env/.env.dev is een voorbeeldwaarde');
    expect(existsSync(join(out, 'ai-wijzer-dev.zip'))).toBe(true);
  });

  it('serves as a process, prints its URLs and stops cleanly on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'aiw-serve-'));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(rootDir, 'src/cli/main.ts'), 'serve', '--port', '0'],
      {
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stderr.on('data', (c) => (output += c));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`serve did not start: ${output}`)), 60_000);
      child.stdout.on('data', (c) => {
        output += c;
        const match = /Gezondheid \/ health:\s+(http:\/\/localhost:\d+)\/healthz/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
    });
    expect(output).toContain('/tab/');
    expect(output).toContain('PGlite in');
    const ready = await fetch(`${url}/readyz`);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'pglite' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(join(dataDir, 'db'))).toBe(true);
  }, 90_000);
});
