/**
 * Generates a directory tree with planted problems for every rule and near misses that must not be
 * found, and says which findings it expects (rule -> paths). Used by the precision/recall test and the
 * benchmark. Deterministic for a seed.
 */
import { closeSync, ftruncateSync, mkdirSync, openSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RuleId } from '../../src/housekeeping/report.js';

export interface PlantedTree {
  root: string;
  expected: Map<RuleId, Set<string>>;
  /** Paths that get an "anyone" link when the tree is served as Graph would (the file system has none). */
  anonymous: Set<string>;
  now: Date;
}

const yearMs = 365.25 * 24 * 3600 * 1000;

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

/** A BSN that passes the 11-proef (or, with valid false, one that fails it). */
export function makeBsn(next: () => number, valid = true): string {
  for (;;) {
    const d = Array.from({ length: 8 }, () => Math.floor(next() * 10));
    d[0] = 1 + Math.floor(next() * 8);
    const sum = d.reduce((acc, x, i) => acc + (9 - i) * x, 0);
    const last = sum % 11; // 9*d1+..+2*d8 - d9 = 0 mod 11  =>  d9 = sum mod 11
    if (valid) {
      if (last < 10) return d.join('') + String(last);
    } else {
      // Any other last digit fails (and when sum mod 11 is 10, every digit does).
      return d.join('') + String((last + 1 + Math.floor(next() * 8)) % 10);
    }
  }
}

/** A Dutch IBAN with correct (or wrong) check digits. */
export function makeIban(next: () => number, valid = true): string {
  const banks = ['ABNA', 'INGB', 'RABO', 'SNSB', 'TRIO'];
  const bank = banks[Math.floor(next() * banks.length)]!;
  const account = Array.from({ length: 10 }, () => Math.floor(next() * 10)).join('');
  const numeric = (bank + account + 'NL00').replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rem = 0;
  for (const ch of numeric) rem = (rem * 10 + Number(ch)) % 97;
  const check = 98 - rem;
  const digits = valid ? check : check === 98 ? 2 : check + 1;
  return `NL${String(digits).padStart(2, '0')}${bank}${account}`;
}

export function generatePlantedTree(
  root: string,
  seed: number,
  options: { scale?: number; clutter?: boolean } = {},
): PlantedTree {
  const next = rng(seed);
  const scale = options.scale ?? 1;
  const now = new Date(Date.UTC(2026, 10, 23));
  const expected = new Map<RuleId, Set<string>>();
  const anonymous = new Set<string>();
  const expect = (rule: RuleId, path: string) => {
    if (!expected.has(rule)) expected.set(rule, new Set());
    expected.get(rule)!.add(path);
  };
  let counter = 0;
  const fresh = now.getTime() - 30 * 24 * 3600 * 1000;
  /** A file with content unique to it (so it is nobody's duplicate unless planted). */
  const file = (rel: string, options: { content?: string; size?: number; modified?: number } = {}) => {
    const abs = join(root, rel);
    if (options.size !== undefined) {
      const fd = openSync(abs, 'w');
      ftruncateSync(fd, options.size);
      closeSync(fd);
    } else writeFileSync(abs, options.content ?? `inhoud ${seed} ${counter++} ${'.'.repeat(Math.floor(next() * 50))}`);
    const t = new Date(options.modified ?? fresh);
    utimesSync(abs, t, t);
  };
  const dir = (rel: string) => mkdirSync(join(root, rel), { recursive: true });
  const n = (base: number) => Math.max(1, Math.round(base * scale * (0.5 + next())));

  // Background: ordinary, clean folders and files.
  for (let a = 0; a < n(4); a++) {
    dir(`Afdeling ${a}/Projecten`);
    for (let f = 0; f < n(6); f++) file(`Afdeling ${a}/Projecten/Verslag overleg ${a}-${f}.docx`);
    file(`Afdeling ${a}/Jaarplan ${2020 + a}.xlsx`);
  }

  // path-too-long: a share allows 260 including the root's own location.
  dir('Lange namen');
  const budget = 260 - (root.length + 1) - 'Lange namen/'.length;
  for (let i = 0; i < n(3); i++) {
    const name = `Dossier${i}-${'x'.repeat(budget - `Dossier${i}-`.length - 5 + 1 + Math.floor(next() * 20))}.docx`;
    file(`Lange namen/${name}`);
    expect('path-too-long', `Lange namen/${name}`);
  }
  const exact = `Net${'y'.repeat(budget - 3 - 5)}.docx`; // exactly 260: allowed
  file(`Lange namen/${exact}`);

  // invalid-name
  dir('Namen');
  for (const bad of [
    'Vraag?.docx',
    'Tijd 10:30.docx',
    'Ster*.txt',
    '"Citaat".txt',
    'Pijl<>.txt',
    'Pijp|.txt',
    'Back\\slash.txt',
    ' Spatie voor.txt',
    'Spatie achter ',
    'Punt achter.',
    'CON',
    'aux.txt',
    'COM3.log',
    'LPT1',
    '.lock',
    'site_vti_cnf.txt',
  ]) {
    if (next() < 0.2 * scale + 0.7) {
      file(`Namen/${bad}`);
      expect('invalid-name', `Namen/${bad}`);
    }
  }
  for (const ok of ['Console.txt', 'Contract.docx', 'Com10.txt', 'Auxiliary.txt', 'Punt.txt', 'Slot.lock', 'Vti.txt'])
    file(`Namen/${ok}`);

  // deep-nesting: chains deeper than 8; only the folder at depth 9 is reported.
  for (let c = 0; c < n(2); c++) {
    const length = 9 + Math.floor(next() * 4);
    const parts = Array.from({ length }, (_, i) => (i === 0 ? `Keten ${c}` : `Niveau ${i + 1}`));
    dir(parts.join('/'));
    file(`${parts.join('/')}/Onderaan.txt`);
    expect('deep-nesting', parts.slice(0, 9).join('/'));
  }
  const eight = Array.from({ length: 8 }, (_, i) => (i === 0 ? 'Bijna diep' : `Niveau ${i + 1}`));
  dir(eight.join('/'));
  file(`${eight.join('/')}/Onderaan.txt`);

  // large-folder: more than 5,000 direct children; exactly 5,000 is allowed.
  if (scale >= 1) {
    dir('Grote map');
    for (let i = 0; i < 5001; i++) file(`Grote map/Scan ${i}.pdf`, { size: 0 });
    expect('large-folder', 'Grote map');
    dir('Volle map');
    for (let i = 0; i < 5000; i++) file(`Volle map/Scan ${i}.pdf`, { size: 0 });
  }

  // empty-folder
  dir('Lege mappen');
  file('Lege mappen/Lees mij.txt');
  for (let i = 0; i < n(3); i++) {
    dir(`Lege mappen/Zaak ${i}`);
    expect('empty-folder', `Lege mappen/Zaak ${i}`);
  }
  dir('Lege mappen/Met een bestand');
  file('Lege mappen/Met een bestand/Brief.docx');

  // duplicate-file: groups of 2-4 copies; same size with other content and empty files are not duplicates.
  dir('Dubbel/A');
  dir('Dubbel/B');
  for (let g = 0; g < n(3); g++) {
    const content = `Beleidsnota ${seed}-${g} ${'#'.repeat(100 + g)}`;
    const copies = 2 + Math.floor(next() * 3);
    for (let k = 0; k < copies; k++) file(`Dubbel/${k % 2 ? 'B' : 'A'}/Nota ${g} exemplaar ${k}.docx`, { content });
    // One finding per group, at its first copy (A sorts before B).
    expect('duplicate-file', `Dubbel/A/Nota ${g} exemplaar 0.docx`);
    file(`Dubbel/A/Andere nota ${g}.docx`, { content: content.replace('Beleidsnota', 'Beleidsnotx') });
  }
  file('Dubbel/A/Leeg 1.txt', { content: '' });
  file('Dubbel/B/Leeg 2.txt', { content: '' });

  // version-in-name
  dir('Versies');
  const versionNames = [
    'Rapport v2.docx',
    'Nota_v1.3.docx',
    'Plan versie 2.docx',
    'Begroting concept.xlsx',
    'Brief definitief.docx',
    'Brief def.docx',
    'Report final.docx',
    'Oud archief.txt',
    'Old notes.txt',
    'Backup 2024.zip',
    'Notulen - kopie.docx',
    'Kopie van notulen.docx',
    'Copy of minutes.docx',
    'Foto (1).jpg',
  ];
  for (const name of versionNames) {
    if (next() < 0.2 * scale + 0.7) {
      file(`Versies/${name}`);
      expect('version-in-name', `Versies/${name}`);
    }
  }
  for (const ok of [
    'Oudejaarsnacht.docx',
    'Versiebeheer.docx',
    'Finale.docx',
    'Conceptueel model.docx',
    'Definities.docx',
    'Kopieerapparaat.pdf',
    'Backupbeleid.docx',
  ])
    file(`Versies/${ok}`);

  // generic-name (folders only), each with a file so it is not empty as well
  for (const name of [
    'Nieuwe map',
    'Nieuwe map (2)',
    'New folder 3',
    'Naamloze map',
    'Diversen',
    'Overige',
    'Algemeen',
    'Temp',
    'Tijdelijk',
    'Test',
    'Map1',
  ]) {
    if (next() < 0.2 * scale + 0.7) {
      dir(`Mappen/${name}`);
      file(`Mappen/${name}/Inhoud.txt`);
      expect('generic-name', `Mappen/${name}`);
    }
  }
  for (const ok of ['Testresultaten', 'Algemene zaken', 'Mappenstructuur']) {
    dir(`Mappen/${ok}`);
    file(`Mappen/${ok}/Inhoud.txt`);
  }

  // stale-folder: only the topmost stale folder; a fresh file keeps the parent current.
  dir('Archief');
  file('Archief/Actueel overzicht.xlsx');
  for (let i = 0; i < n(2); i++) {
    const old = now.getTime() - (6 + next() * 10) * yearMs;
    dir(`Archief/Jaar ${2010 + i}/Kwartaal 1`);
    file(`Archief/Jaar ${2010 + i}/Kwartaal 1/Stukken.pdf`, { modified: old });
    file(`Archief/Jaar ${2010 + i}/Overzicht.pdf`, { modified: old });
    expect('stale-folder', `Archief/Jaar ${2010 + i}`);
  }
  dir('Archief/Bijna verouderd');
  file('Archief/Bijna verouderd/Stukken.pdf', { modified: now.getTime() - 4.5 * yearMs });

  // personal-data-in-name
  dir('Cliënten');
  for (let i = 0; i < n(2); i++) {
    const bsn = makeBsn(next);
    file(`Cliënten/Besluit ${bsn}.pdf`);
    expect('personal-data-in-name', `Cliënten/Besluit ${bsn}.pdf`);
    const iban = makeIban(next);
    file(`Cliënten/Betaling ${iban}.pdf`);
    expect('personal-data-in-name', `Cliënten/Betaling ${iban}.pdf`);
    file(`Cliënten/Mail van medewerker${i}@groningen.nl.msg`);
    expect('personal-data-in-name', `Cliënten/Mail van medewerker${i}@groningen.nl.msg`);
    file(`Cliënten/Factuur ${makeBsn(next, false)}.pdf`); // 9 digits failing the 11-proef
    file(`Cliënten/Rekening ${makeIban(next, false)}.pdf`); // IBAN with wrong check digits
  }
  // Dutch phone numbers, mobile and fixed line, in the ways people write them.
  const digits = (count: number) => Array.from({ length: count }, () => Math.floor(next() * 10)).join('');
  for (const name of [
    'Telefoonlijst 0612345678.txt',
    `Terugbellen 06-${1 + Math.floor(next() * 5)}${digits(7)}.docx`,
    `Contact +31 6 ${2 + Math.floor(next() * 3)}${digits(3)} ${digits(4)}.txt`,
    `Balie 050-${3 + Math.floor(next() * 6)}${digits(6)}.pdf`,
  ]) {
    file(`Cliënten/${name}`);
    expect('personal-data-in-name', `Cliënten/${name}`);
  }
  // Near misses: dates, amounts, order and case numbers, a service number.
  for (const name of [
    'Overleg 2024-06-12.docx',
    'Notulen 06-12-2024.docx',
    'Begroting 1.234.567,89.xlsx',
    'Bestelling 1061234567.pdf',
    'Zaak 0501234567.pdf',
    'Bedrag 0612345678,50.xlsx',
    'Klantenservice 0800-1234567.txt',
    'Scan 20240612 1234.pdf',
  ])
    file(`Cliënten/${name}`);
  file('Cliënten/team@overleg.txt');

  // anonymous-link (Graph only): marked on some ordinary files when served as Graph.
  for (let a = 0; a < 2; a++) {
    const rel = `Afdeling ${a}/Jaarplan ${2020 + a}.xlsx`;
    anonymous.add(rel);
    expect('anonymous-link', rel);
  }

  // temp-file
  dir('Tijdelijke bestanden');
  for (const name of [
    '~$Rapport.docx',
    '.~lock.Begroting 2026.ods#',
    '.~lock.Notulen.docx#',
    'Export.tmp',
    'Thumbs.db',
    '.DS_Store',
    'desktop.ini',
  ]) {
    file(`Tijdelijke bestanden/${name}`);
    expect('temp-file', `Tijdelijke bestanden/${name}`);
  }
  for (const ok of ['Tmp-plan.docx', 'Template.dotx', '~Notitie.txt', '.~lock.txt', 'Lock.docx#1'])
    file(`Tijdelijke bestanden/${ok}`);

  // large-file: sparse, so no disk is used; exactly 15 GB is allowed.
  dir('Video');
  file('Video/Raadsvergadering.mp4', { size: 16 * 1024 ** 3 });
  expect('large-file', 'Video/Raadsvergadering.mp4');
  file('Video/Export.zip', { size: 15 * 1024 ** 3 });

  // root-clutter: more than 25 loose files in the root (or 25 exactly: allowed).
  const loose = options.clutter ?? next() < 0.5;
  for (let i = 0; i < (loose ? 26 : 25); i++) file(`Los bestand ${i}.txt`);
  if (loose) expect('root-clutter', '');

  return { root, expected, anonymous, now };
}
