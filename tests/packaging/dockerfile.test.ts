import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DockerfileParser, type Dockerfile, type Instruction } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { rootDir } from '../../src/paths.js';

/**
 * The Dockerfile, linted where no image builder is at hand (CI's machines have no Docker daemon): the Docker language
 * server's validator (dockerfile-utils) finds no problem, and what the admin guide promises of the image holds.
 */
const text = readFileSync(join(rootDir, 'Dockerfile'), 'utf8');
const dockerfile: Dockerfile = DockerfileParser.parse(text);
const stages = dockerfile.getFROMs();
/** The instructions of the last stage: the image that runs. */
const runStage = (): Instruction[] => {
  const start = stages.at(-1)!.getRange().start.line;
  return dockerfile.getInstructions().filter((i) => i.getRange().start.line >= start);
};
const args = (i: Instruction) => i.getArgumentsContent() ?? '';
const packageJson = JSON.parse(readFileSync(join(rootDir, 'package.json'), 'utf8')) as {
  engines: { node: string };
  bin: Record<string, string>;
};

/** Whether a Node.js major release is one `engines.node` names (`^20.19.0 || ^22.13.0 || >=24`: 20, 22, 24 on). */
const supportsMajor = (major: number): boolean =>
  packageJson.engines.node.split('||').some((range) => {
    const caret = /^\^(\d+)\./.exec(range.trim());
    const atLeast = /^>=(\d+)/.exec(range.trim());
    return caret ? Number(caret[1]) === major : atLeast ? major >= Number(atLeast[1]) : false;
  });

describe('the Dockerfile', () => {
  it('has no problem the Docker language server reports (errors and warnings)', () => {
    expect(validate(text).map((d) => `${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
  });

  it('is checked by a validator that does find mistakes', () => {
    const broken = 'FROM node:24 AS build\nCOPY package.json\nEXPOSE port\nCMD node bin/x.js\nCMD node bin/y.js\n';
    expect(validate(broken).length).toBeGreaterThanOrEqual(3);
  });

  it('knows which releases the app supports', () => {
    expect([18, 20, 21, 22, 23, 24, 26].filter(supportsMajor)).toEqual([20, 22, 24, 26]);
  });

  it('builds on a Node.js release the app supports, the same in both stages, named by tag', () => {
    expect(stages).toHaveLength(2);
    for (const from of stages) {
      expect(from.getImageName()).toBe('node');
      const major = /^(\d+)-/.exec(from.getImageTag() ?? '')?.[1];
      expect(major).toBeDefined();
      expect(supportsMajor(Number(major))).toBe(true);
    }
    expect(stages[1]!.getImageTag()).toBe(stages[0]!.getImageTag());
  });

  it('installs exactly the lock and builds before copying into the running image', () => {
    const build = dockerfile
      .getInstructions()
      .filter((i) => i.getRange().start.line < stages[1]!.getRange().start.line)
      .map((i) => `${i.getKeyword()} ${args(i)}`);
    expect(build).toContain('RUN npm ci --no-audit --no-fund');
    expect(build.some((line) => /^RUN npm run build\b/.test(line) && /npm prune --omit=dev/.test(line))).toBe(true);
  });

  it('runs as the unprivileged user node, in production mode, on all interfaces behind its proxy', () => {
    const run = runStage();
    const users = run.filter((i) => i.getKeyword() === 'USER').map(args);
    expect(users.at(-1)).toBe('node');
    const env = run
      .filter((i) => i.getKeyword() === 'ENV')
      .map(args)
      .join(' ');
    expect(env).toMatch(/NODE_ENV=production/);
    expect(env).toMatch(/HOST=0\.0\.0\.0/);
    expect(env).toMatch(/DATA_DIR=\/app\/data/);
  });

  it('copies into the image only what exists after the build, and starts the CLI it ships', () => {
    const copied = runStage()
      .filter((i) => i.getKeyword() === 'COPY')
      .flatMap((i) => i.getArguments().map((a) => a.getValue()))
      .filter((a) => a.startsWith('/app/'))
      .map((a) => a.slice('/app/'.length));
    expect(copied).toEqual(expect.arrayContaining(['node_modules', 'dist', 'bin', 'src', 'package.json']));
    // dist and node_modules come from the build stage; the rest is in the repository.
    for (const path of copied.filter((p) => p !== 'dist' && p !== 'node_modules'))
      expect(existsSync(join(rootDir, path))).toBe(true);
    const cmd = runStage().find((i) => i.getKeyword() === 'CMD')!;
    expect(args(cmd)).toBe('["node", "bin/ai-wijzer.js", "serve"]');
    expect(Object.values(packageJson.bin)).toContain('bin/ai-wijzer.js');
  });

  it('checks its health on /healthz and keeps its data in a volume', () => {
    const run = runStage();
    expect(args(run.find((i) => i.getKeyword() === 'HEALTHCHECK')!)).toMatch(/\/healthz/);
    expect(args(run.find((i) => i.getKeyword() === 'VOLUME')!)).toBe('["/app/data"]');
  });

  it('leaves secrets, local data and the dependencies of this machine out of the build context', () => {
    const ignored = readFileSync(join(rootDir, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'data', '.env', 'env/.env.local', '.git']));
  });
});
