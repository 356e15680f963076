import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rootDir } from '../../src/paths.js';

/** CI's audit step (.ci/audit.mjs) on reports shaped as `npm audit --omit=dev --json` writes them. */
const advisory = (name: string, ghsa: string, severity: string) => ({
  source: 1100000,
  name,
  dependency: name,
  title: `${name} allows something bad`,
  url: `https://github.com/advisories/${ghsa}`,
  severity,
  cwe: ['CWE-400'],
  range: '<9.9.9',
});

function report(...advisories: ReturnType<typeof advisory>[]) {
  const vulnerabilities: Record<string, unknown> = {};
  for (const a of advisories) {
    vulnerabilities[a.name] = { name: a.name, severity: a.severity, isDirect: false, via: [a], effects: ['express'] };
  }
  if (advisories.length > 0) {
    // A dependent of a vulnerable package lists it by name, not as an advisory of its own.
    vulnerabilities.express = { name: 'express', severity: 'high', isDirect: true, via: [advisories[0]!.name] };
  }
  const count = (s: string) => advisories.filter((a) => a.severity === s).length;
  return {
    auditReportVersion: 2,
    vulnerabilities,
    metadata: { vulnerabilities: { low: count('low'), moderate: count('moderate'), high: count('high'), critical: 0 } },
  };
}

const ghsaHigh = 'GHSA-9wv6-86v2-598j';
const ghsaModerate = 'GHSA-rv95-896h-c2vc';

/** Runs the step on a report; `allow` undefined: the project's own .ci/audit-allow.json. */
function audit(reportJson: unknown, allow: unknown, env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'aiw-audit-'));
  writeFileSync(join(dir, 'report.json'), JSON.stringify(reportJson));
  const args = ['.ci/audit.mjs', '--report', join(dir, 'report.json')];
  if (allow !== undefined) {
    writeFileSync(join(dir, 'allow.json'), JSON.stringify(allow));
    args.push('--allow', join(dir, 'allow.json'));
  }
  return new Promise<{ code: number | null; out: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [...args, '--today', '2026-12-01'], {
      cwd: rootDir,
      env: { ...process.env, AUDIT_REQUIRED: '', ...env },
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

const allowance = (until = '2027-01-31') => ({
  advisory: ghsaHigh,
  package: 'path-to-regexp',
  reason: 'Only the router of the CLI help uses this path pattern, never on a request path.',
  until,
});

describe("CI's audit step (.ci/audit.mjs)", () => {
  it('fails on a high finding that the allow-list does not explain, naming it', async () => {
    const result = await audit(report(advisory('path-to-regexp', ghsaHigh, 'high')), { allow: [] });
    expect(result.code).toBe(1);
    expect(result.out).toContain(`niet uitgelegd / unexplained: high ${ghsaHigh} in path-to-regexp`);
  });

  it('passes moderate and low findings, and a high one the allow-list explains until a later date', async () => {
    const moderate = await audit(report(advisory('qs', ghsaModerate, 'moderate')), { allow: [] });
    expect(moderate.code).toBe(0);
    const explained = await audit(report(advisory('path-to-regexp', ghsaHigh, 'high')), { allow: [allowance()] });
    expect(explained.code).toBe(0);
    expect(explained.out).toContain(`toegestaan / allowed until 2027-01-31: high ${ghsaHigh} in path-to-regexp`);
  });

  it('fails on an expired allowance and on one no finding needs any more', async () => {
    const expired = await audit(report(advisory('path-to-regexp', ghsaHigh, 'high')), {
      allow: [allowance('2026-11-30')],
    });
    expect(expired.code).toBe(1);
    expect(expired.out).toContain('uitzondering verlopen op 2026-11-30');
    const unused = await audit(report(), { allow: [allowance()] });
    expect(unused.code).toBe(1);
    expect(unused.out).toContain(`unused allowance: ${ghsaHigh} in path-to-regexp`);
  });

  it('refuses an allowance without a reason, with exit 2', async () => {
    const result = await audit(report(), { allow: [{ ...allowance(), reason: 'ok' }] });
    expect(result.code).toBe(2);
    expect(result.out).toContain('allow.0.reason: moet uitleggen waarom');
  });

  it('says so and passes where the registry has no advisory service, unless an audit is required', async () => {
    const refused = { statusCode: 405, message: '405 Method Not Allowed - POST advisories/bulk' };
    const here = await audit(refused, { allow: [] });
    expect(here.code).toBe(0);
    expect(here.out).toContain('niet bereikbaar, niets gecontroleerd');
    const required = await audit(refused, { allow: [] }, { AUDIT_REQUIRED: 'true' });
    expect(required.code).toBe(1);
  });

  it("reads the project's own allow-list as valid", async () => {
    const result = await audit(report(), undefined);
    expect(result.code).not.toBe(2);
    expect(result.out).not.toContain('ongeldige uitzonderingenlijst');
  });
});
