import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import JSZip from 'jszip';
import { readEnvFiles } from './env-file.js';
import { PackagingError } from './errors.js';
import { checkColorIcon, checkOutlineIcon } from './icons.js';
import { placeholderWarnings } from './placeholders.js';
import { placeholdersIn, render } from './render.js';
import { validateAgainstBundledSchema } from './schema.js';
import { manifestVariablesSchema } from './variables.js';

export interface PackageOptions {
  env: string;
  manifestDir: string;
  envDir: string;
  outDir: string;
  appVersion: string;
}

export interface PackageResult {
  zipPath: string;
  files: string[];
  manifest: Record<string, unknown>;
  /** Values that pass validation but are placeholders (example ids and domains): the zip is written all the same. */
  warnings: string[];
}

interface ManifestShape {
  icons?: { color?: string; outline?: string };
  localizationInfo?: { additionalLanguages?: { file: string }[] };
  validDomains?: string[];
}

function readTemplate(path: string): string {
  if (!existsSync(path)) throw new PackagingError([`${path} ontbreekt`]);
  return readFileSync(path, 'utf8');
}

/**
 * Renders manifest/ for one environment, validates it offline against the official schemas,
 * checks the icons and writes appPackage/ai-wijzer-<env>.zip with every file at the zip root.
 */
export async function buildAppPackage(options: PackageOptions): Promise<PackageResult> {
  const values = { APP_VERSION: options.appVersion, ...readEnvFiles(options.envDir, options.env) };
  const manifestTemplate = readTemplate(join(options.manifestDir, 'manifest.json'));
  let shape: ManifestShape;
  try {
    shape = JSON.parse(manifestTemplate) as ManifestShape;
  } catch (error) {
    throw new PackagingError([`manifest/manifest.json is geen geldige JSON: ${(error as Error).message}`]);
  }
  const languageFiles = (shape.localizationInfo?.additionalLanguages ?? []).map((l) => l.file);
  const templates = new Map<string, string>([['manifest.json', manifestTemplate]]);
  for (const file of languageFiles) templates.set(basename(file), readTemplate(join(options.manifestDir, file)));

  const problems: string[] = [];
  const used = new Set([...templates.values()].flatMap(placeholdersIn));
  const variables = manifestVariablesSchema.safeParse(values);
  const envFile = `env/.env.${options.env}`;
  for (const name of used) {
    if (values[name as keyof typeof values] === undefined && name !== 'TAB_DOMAIN' && name !== 'APP_NAME_SUFFIX')
      problems.push(`${name} ontbreekt in ${envFile}`);
  }
  if (!variables.success) {
    for (const issue of variables.error.issues) {
      const name = issue.path.join('.');
      if (values[name as keyof typeof values] !== undefined) problems.push(`${name} in ${envFile} ${issue.message}`);
    }
  }
  if (problems.length > 0 || !variables.success)
    throw new PackagingError(problems.length > 0 ? problems : ['de variabelen kloppen niet']);

  const filled = Object.fromEntries(Object.entries(variables.data).map(([k, v]) => [k, String(v)]));
  const rendered = new Map<string, Record<string, unknown>>();
  for (const [file, template] of templates)
    rendered.set(file, JSON.parse(render(template, filled)) as Record<string, unknown>);
  const manifest = rendered.get('manifest.json')!;
  const domains = manifest.validDomains;
  if (Array.isArray(domains)) manifest.validDomains = [...new Set(domains)];

  for (const [file, json] of rendered) problems.push(...(await validateAgainstBundledSchema(file, json)));

  const icons: [string, Buffer][] = [];
  const colorFile = shape.icons?.color ?? 'color.png';
  const outlineFile = shape.icons?.outline ?? 'outline.png';
  for (const [file, check] of [
    [colorFile, checkColorIcon],
    [outlineFile, checkOutlineIcon],
  ] as const) {
    const path = join(options.manifestDir, file);
    if (!existsSync(path)) {
      problems.push(`icoon ${file} ontbreekt in manifest/`);
      continue;
    }
    const data = readFileSync(path);
    problems.push(...check(file, data));
    icons.push([basename(file), data]);
  }
  if (problems.length > 0) throw new PackagingError(problems);

  const zip = new JSZip();
  const date = new Date('2026-01-01T00:00:00Z'); // fixed, so that the same input gives the same zip
  for (const [file, json] of rendered) zip.file(file, JSON.stringify(json, null, 2) + '\n', { date });
  for (const [file, data] of icons) zip.file(file, data, { date });
  mkdirSync(options.outDir, { recursive: true });
  const zipPath = join(options.outDir, `ai-wijzer-${options.env}.zip`);
  writeFileSync(zipPath, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  const warnings = placeholderWarnings(variables.data, envFile);
  return { zipPath, files: Object.keys(zip.files).sort(), manifest, warnings };
}
