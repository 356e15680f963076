import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { buildAppPackage, PackagingError, validateAgainstBundledSchema } from '../../src/packaging/index.js';
import { manifestDir, rootDir } from '../../src/paths.js';

const goodEnv = [
  'TEAMS_APP_ID=9b7d4e21-6a3c-4f08-a5e2-7c1d3b9f0e64',
  'BOT_ID=11111111-2222-3333-4444-555555555555',
  'AAD_APP_CLIENT_ID=22222222-3333-4444-5555-666666666666',
  'TAB_ENDPOINT=https://ai-wijzer.groningen.nl',
  'BOT_DOMAIN=ai-wijzer.groningen.nl',
].join('\n');

function workspace(env = goodEnv) {
  const dir = mkdtempSync(join(tmpdir(), 'aiw-package-'));
  cpSync(manifestDir, join(dir, 'manifest'), { recursive: true });
  cpSync(join(rootDir, 'env'), join(dir, 'env'), { recursive: true });
  writeFileSync(join(dir, 'env', '.env.test'), env);
  return {
    dir,
    options: {
      env: 'test',
      manifestDir: join(dir, 'manifest'),
      envDir: join(dir, 'env'),
      outDir: join(dir, 'out'),
      appVersion: '1.2.3',
    },
  };
}

async function problems(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PackagingError) return error.problems;
    throw error;
  }
  throw new Error('expected a PackagingError');
}

describe('the Teams app package', () => {
  it('fills the template, validates offline and zips manifest, icons and language file at the root', async () => {
    const { options } = workspace();
    const result = await buildAppPackage(options);
    expect(result.zipPath).toBe(join(options.outDir, 'ai-wijzer-test.zip'));
    const zip = await JSZip.loadAsync(readFileSync(result.zipPath));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(manifest).toMatchObject({
      version: '1.2.3',
      id: '9b7d4e21-6a3c-4f08-a5e2-7c1d3b9f0e64',
      bots: [{ botId: '11111111-2222-3333-4444-555555555555', scopes: ['personal', 'team', 'groupChat'] }],
      staticTabs: [{ contentUrl: 'https://ai-wijzer.groningen.nl/tab/', scopes: ['personal'] }],
      // The channel tab: its configuration page is the tab's own #config, for a team's channels only.
      configurableTabs: [{ configurationUrl: 'https://ai-wijzer.groningen.nl/tab/#config', scopes: ['team'] }],
      webApplicationInfo: {
        id: '22222222-3333-4444-5555-666666666666',
        resource: 'api://ai-wijzer.groningen.nl/22222222-3333-4444-5555-666666666666',
      },
      localizationInfo: { defaultLanguageTag: 'nl-nl' },
    });
    // Tab and bot on one domain: listed once.
    expect(manifest.validDomains).toEqual(['ai-wijzer.groningen.nl']);
    expect(manifest.bots[0].commandLists[0].commands.map((c: { title: string }) => c.title)).toEqual([
      'help',
      'vraag',
      'check',
      'scan',
    ]);
    // Own ids and domains: nothing to warn about.
    expect(result.warnings).toEqual([]);
    // What went into the zip still passes the official schemas.
    expect(await validateAgainstBundledSchema('manifest.json', manifest)).toEqual([]);
    expect(
      await validateAgainstBundledSchema('en.json', JSON.parse(await zip.file('en.json')!.async('string'))),
    ).toEqual([]);
  });

  it('builds from the example env/.env.dev shipped in the repository, warning of each of its placeholders', async () => {
    const { options } = workspace();
    const result = await buildAppPackage({ ...options, env: 'dev' });
    expect(result.files).toContain('manifest.json');
    expect(result.warnings).toEqual([
      expect.stringMatching(/^TEAMS_APP_ID in env\/\.env\.dev is de id uit het voorbeeldbestand/),
      expect.stringMatching(/^BOT_ID in env\/\.env\.dev is een voorbeeldwaarde \(00000000-/),
      expect.stringMatching(/^AAD_APP_CLIENT_ID in env\/\.env\.dev is een voorbeeldwaarde/),
      'TAB_DOMAIN in env/.env.dev is een voorbeelddomein (ai-wijzer-dev.example.org): vul het domein in waarop de app draait',
      'BOT_DOMAIN in env/.env.dev is een voorbeelddomein (ai-wijzer-dev.example.org): vul het domein in waarop de app draait',
    ]);
  });

  it('warns of a repeated-digit GUID and a test domain, and of nothing like them that is real', async () => {
    const { options } = workspace(
      goodEnv
        .replace('BOT_ID=11111111-2222-3333-4444-555555555555', 'BOT_ID=11111111-1111-1111-1111-111111111111')
        .replace('BOT_DOMAIN=ai-wijzer.groningen.nl', 'BOT_DOMAIN=bot.localhost'),
    );
    const result = await buildAppPackage(options);
    expect(result.warnings).toEqual([
      expect.stringMatching(/^BOT_ID in env\/\.env\.test is een voorbeeldwaarde/),
      expect.stringMatching(/^BOT_DOMAIN in env\/\.env\.test is een voorbeelddomein \(bot\.localhost\)/),
    ]);
    // example.org inside a real name is not the reserved domain.
    const real = workspace(goodEnv.replace('BOT_DOMAIN=ai-wijzer.groningen.nl', 'BOT_DOMAIN=myexample.org'));
    expect((await buildAppPackage(real.options)).warnings).toEqual([]);
  });

  it('stops on a bad GUID and a missing variable, naming them and the env file', async () => {
    const { options } = workspace(
      goodEnv.replace('BOT_ID=11111111-2222-3333-4444-555555555555', 'BOT_ID=mijn-bot').replace(/^BOT_DOMAIN=.*$/m, ''),
    );
    const found = await problems(buildAppPackage(options));
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^BOT_ID in env\/\.env\.test moet een GUID zijn/),
        'BOT_DOMAIN ontbreekt in env/.env.test',
      ]),
    );
  });

  it('stops when the env file does not exist, saying which', async () => {
    const { options } = workspace();
    expect((await problems(buildAppPackage({ ...options, env: 'prod' })))[0]).toMatch(/\.env\.prod bestaat niet/);
    expect((await problems(buildAppPackage({ ...options, env: '../etc' })))[0]).toMatch(/--env/);
  });

  it('stops when the manifest breaks the official schema', async () => {
    const { options } = workspace();
    const path = join(options.manifestDir, 'manifest.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"accentColor": "#1F6F50"', '"accentColor": "groen"'));
    const found = await problems(buildAppPackage(options));
    expect(found.some((p) => p.startsWith('manifest.json: /accentColor'))).toBe(true);
  });

  it('stops when a language file has a key the localization schema does not allow', async () => {
    const { options } = workspace();
    const path = join(options.manifestDir, 'en.json');
    const en = JSON.parse(readFileSync(path, 'utf8'));
    writeFileSync(path, JSON.stringify({ ...en, 'staticTabs[0].title': 'AI guide' }));
    const found = await problems(buildAppPackage(options));
    expect(found.some((p) => p.startsWith('en.json:') && p.includes('additional properties'))).toBe(true);
  });

  it('stops on a wrong icon size and on an outline icon with coloured pixels', async () => {
    const { options } = workspace();
    const small = new PNG({ width: 100, height: 100 });
    writeFileSync(join(options.manifestDir, 'color.png'), PNG.sync.write(small));
    const outline = PNG.sync.read(readFileSync(join(options.manifestDir, 'outline.png')));
    outline.data.set([31, 111, 80, 255], (5 * 32 + 7) * 4); // one green pixel at (7, 5)
    writeFileSync(join(options.manifestDir, 'outline.png'), PNG.sync.write(outline));
    const found = await problems(buildAppPackage(options));
    expect(found).toEqual(
      expect.arrayContaining([
        'color.png moet 192x192 pixels zijn, maar is 100x100',
        expect.stringMatching(
          /^outline\.png mag alleen witte en transparante pixels hebben; 1 pixel\(s\) niet, de eerste \(7, 5\)/,
        ),
      ]),
    );
  });

  it('ships icons that pass its own checks', async () => {
    const { checkColorIcon, checkOutlineIcon } = await import('../../src/packaging/index.js');
    expect(checkColorIcon('color.png', readFileSync(join(manifestDir, 'color.png')))).toEqual([]);
    expect(checkOutlineIcon('outline.png', readFileSync(join(manifestDir, 'outline.png')))).toEqual([]);
  });
});
