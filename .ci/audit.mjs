#!/usr/bin/env node
// CI's audit step: `npm audit --omit=dev` (what production installs), failing on every high or critical advisory
// that .ci/audit-allow.json does not explain. An allowance names the advisory and the package, says why it does not
// reach AI-wijzer and until when it holds; an expired or unused one fails too, so the list cannot rot.
//
//   node .ci/audit.mjs [--report <npm audit --json output>] [--allow <file>] [--today YYYY-MM-DD]
//
// Exit codes: 0 nothing unexplained (or no advisory service to ask, see below), 1 unexplained findings or a bad
// allowance, 2 wrong usage or an unreadable allow-list. Where the registry has no advisory service (it answers
// npm audit's POST with 4xx, as the registry mirror on the project's machines does) the step says so and passes,
// unless AUDIT_REQUIRED=true.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';

const here = dirname(fileURLToPath(import.meta.url));
const blocking = new Set(['high', 'critical']);

const allowSchema = z.object({
  about: z.string().optional(),
  allow: z.array(
    z.object({
      advisory: z
        .string()
        .regex(/^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/, 'moet een GHSA-id zijn (GHSA-xxxx-xxxx-xxxx)'),
      package: z.string().min(1),
      reason: z.string().min(20, 'moet uitleggen waarom het AI-wijzer niet raakt (minstens 20 tekens)'),
      until: z.iso.date({ message: 'moet een datum zijn (JJJJ-MM-DD)' }),
    }),
  ),
});

function fail(code, message) {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function readJson(path, what) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    fail(2, `audit: ${what} ${path} is niet te lezen / cannot be read: ${error.message}`);
  }
}

let options;
try {
  options = parseArgs({
    options: { report: { type: 'string' }, allow: { type: 'string' }, today: { type: 'string' } },
    strict: true,
  }).values;
} catch (error) {
  fail(2, `audit: ${error.message}`);
}
const today = options.today ?? new Date().toISOString().slice(0, 10);
if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) fail(2, 'audit: --today moet JJJJ-MM-DD zijn / must be YYYY-MM-DD');

const parsedAllow = allowSchema.safeParse(readJson(options.allow ?? join(here, 'audit-allow.json'), 'de lijst'));
if (!parsedAllow.success) {
  const problems = parsedAllow.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n');
  fail(2, `audit: ongeldige uitzonderingenlijst / invalid allow-list:\n${problems}`);
}
const allowances = parsedAllow.data.allow;

let report;
if (options.report) {
  report = readJson(options.report, 'het rapport');
} else {
  const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], {
    encoding: 'utf8',
    shell: process.platform === 'win32',
    maxBuffer: 64 * 1024 * 1024,
  });
  try {
    report = JSON.parse(run.stdout);
  } catch {
    fail(1, `audit: npm audit gaf geen JSON / gave no JSON (exit ${run.status}):\n${run.stderr}`);
  }
}

// npm's shapes of "could not ask": { error: { code, summary } } or the registry's answer { statusCode, message }.
if (!report.vulnerabilities) {
  const why = report.error?.summary || report.error?.code || report.message || 'onbekend antwoord / unknown answer';
  const unavailable = typeof report.statusCode === 'number' || report.error !== undefined;
  if (unavailable && process.env.AUDIT_REQUIRED !== 'true') {
    process.stdout.write(
      `audit: de adviesdienst van het register is hier niet bereikbaar, niets gecontroleerd / the registry's advisory service is not reachable here, nothing checked (${why})\n`,
    );
    process.exit(0);
  }
  fail(1, `audit: geen rapport / no report (${why})`);
}

// Every advisory that npm attributes to a package: `via` objects are advisories, `via` strings are the packages
// through which a dependent is affected (its advisories appear under that package itself).
const findings = [];
for (const vulnerability of Object.values(report.vulnerabilities)) {
  for (const via of vulnerability.via ?? []) {
    if (typeof via !== 'object' || via === null) continue;
    const advisory = /GHSA(-[0-9a-z]{4}){3}/i.exec(via.url ?? '')?.[0] ?? String(via.source);
    findings.push({ advisory, package: via.name ?? vulnerability.name, severity: via.severity, title: via.title });
  }
}
const unique = [...new Map(findings.map((f) => [`${f.advisory} ${f.package}`, f])).values()];
const serious = unique.filter((f) => blocking.has(f.severity));

const problems = [];
const used = new Set();
for (const finding of serious) {
  const allowance = allowances.find((a) => a.advisory === finding.advisory && a.package === finding.package);
  const line = `${finding.severity} ${finding.advisory} in ${finding.package}: ${finding.title ?? ''}`;
  if (!allowance) problems.push(`niet uitgelegd / unexplained: ${line}`);
  else if (allowance.until < today) problems.push(`uitzondering verlopen op ${allowance.until} / expired: ${line}`);
  else {
    used.add(allowance);
    process.stdout.write(`audit: toegestaan / allowed until ${allowance.until}: ${line} (${allowance.reason})\n`);
  }
}
for (const allowance of allowances) {
  if (!used.has(allowance) && !serious.some((f) => f.advisory === allowance.advisory)) {
    problems.push(
      `uitzondering niet meer nodig, haal weg / unused allowance: ${allowance.advisory} in ${allowance.package}`,
    );
  }
}

const counts = report.metadata?.vulnerabilities ?? {};
process.stdout.write(
  `audit: ${unique.length} adviezen / advisories in production dependencies (critical ${counts.critical ?? 0}, high ${counts.high ?? 0}, moderate ${counts.moderate ?? 0}, low ${counts.low ?? 0})\n`,
);
if (problems.length > 0) fail(1, `audit:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
process.stdout.write(
  'audit: geen onverklaarde hoge of kritieke bevindingen / no unexplained high or critical findings\n',
);
