import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { parse } from 'yaml';
import { placeholdersIn } from '../../src/packaging/render.js';
import { rootDir } from '../../src/paths.js';

type Step = { uses: string; with?: Record<string, string>; writeToEnvironmentFile?: Record<string, string> };

describe('m365agents.yml (Microsoft 365 Agents Toolkit)', () => {
  const lifecycle = parse(readFileSync(join(rootDir, 'm365agents.yml'), 'utf8')) as {
    provision: Step[];
    publish: Step[];
  };

  it('zips and validates the same manifest source that npm run package uses', () => {
    for (const stage of [lifecycle.provision, lifecycle.publish]) {
      const zip = stage.find((s) => s.uses === 'teamsApp/zipAppPackage');
      expect(zip?.with?.manifestPath).toBe('./manifest/manifest.json');
      expect(stage.some((s) => s.uses === 'teamsApp/validateAppPackage')).toBe(true);
    }
    expect(lifecycle.publish.some((s) => s.uses === 'teamsApp/publishAppPackage')).toBe(true);
  });

  it('has a value for every placeholder of the manifest: from the example env file or written by a step', () => {
    const written = new Set(
      [...lifecycle.provision, ...lifecycle.publish].flatMap((s) => [
        ...Object.values(s.writeToEnvironmentFile ?? {}),
        ...[...(s.with?.run ?? '').matchAll(/set-teamsfx-env ([A-Z0-9_]+)=/g)].map((m) => m[1]!),
      ]),
    );
    const env = parseEnv(readFileSync(join(rootDir, 'env/.env.dev'), 'utf8'));
    const used = ['manifest/manifest.json', 'manifest/en.json', 'aad.manifest.json'].flatMap((f) =>
      placeholdersIn(readFileSync(join(rootDir, f), 'utf8')),
    );
    const missing = [...new Set(used)].filter((name) => env[name] === undefined && !written.has(name));
    expect(missing).toEqual([]);
  });
});
