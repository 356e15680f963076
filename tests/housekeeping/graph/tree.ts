import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * One description of a tree of folders and files, generated from a seed, that can be written to a temp
 * directory AND loaded into the fake Graph server: the same tree on both sources, so the scan's findings
 * can be compared. Contents are real bytes (duplicates share them), so the file system hashes what the
 * fake server reports as quickXorHash.
 */
export interface TreeFile {
  kind: 'file';
  /** Relative to the root, '/' separators. */
  path: string;
  content: Buffer;
  /** Milliseconds since the epoch, whole seconds (file systems and Graph both keep at least that). */
  modified: number;
  /** Graph only: the item carries a `shared` facet and these links. */
  sharing?: 'anonymous' | 'organization' | 'users';
}

export interface TreeFolder {
  kind: 'folder';
  path: string;
  modified: number;
}

export type TreeItem = TreeFile | TreeFolder;

export interface Tree {
  /** Parents before children. */
  items: TreeItem[];
}

export interface GenerateOptions {
  seed: number;
  /** Number of ordinary files spread over the folders (planted problems come on top). */
  files: number;
  /** Number of ordinary folders. */
  folders: number;
  /** Plant the named problems (default true). */
  plant?: boolean;
  /** Files in one folder "Groot" (over 5,000 makes a large folder); default none. */
  bigFolder?: number;
  /** "Now" for the times (default 2026-11-01). */
  now?: number;
}

/** mulberry32: a small seeded generator, so every run builds the same tree. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const day = 86_400_000;
const words = [
  'beleid',
  'notulen',
  'begroting',
  'planning',
  'verslag',
  'offerte',
  'contract',
  'aanvraag',
  'evaluatie',
  'project',
  'overleg',
  'advies',
];
const folderWords = [
  'Team',
  'Projecten',
  'Financien',
  'Inkoop',
  'Communicatie',
  'Juridisch',
  'Personeel',
  'Archief',
  'Wijken',
  'Subsidies',
];
const extensions = ['docx', 'xlsx', 'pdf', 'pptx', 'txt'];

export function generateTree(options: GenerateOptions): Tree {
  const random = prng(options.seed);
  const now = options.now ?? Date.UTC(2026, 10, 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const recent = () => Math.floor((now - random() * 700 * day) / 1000) * 1000;
  const items: TreeItem[] = [];
  const used = new Set<string>();
  const unique = (parent: string, name: string) => {
    let candidate = name;
    for (let n = 2; used.has(join(parent, candidate).toLowerCase()); n++)
      candidate = name.replace(/(\.[a-z]+)?$/, ` ${n}$1`);
    const path = parent ? `${parent}/${candidate}` : candidate;
    used.add(join(parent, candidate).toLowerCase());
    return path;
  };
  const folder = (parent: string, name: string, modified = recent()) => {
    const path = unique(parent, name);
    items.push({ kind: 'folder', path, modified });
    return path;
  };
  const file = (parent: string, name: string, content: Buffer, modified = recent(), sharing?: TreeFile['sharing']) => {
    const path = unique(parent, name);
    items.push({ kind: 'file', path, content, modified, ...(sharing ? { sharing } : {}) });
    return path;
  };
  // Text without a period: a repeated block whose copies line up 160 bytes apart cancels out in quickXorHash
  // (a real weakness of it), which would make unrelated files look alike on Graph only.
  const letters = 'abcdefghijklmnopqrstuvwxyz     ';
  const content = () => {
    const length = 20 + Math.floor(random() * 1500);
    let text = `${pick(words)} `;
    while (text.length < length) text += letters[Math.floor(random() * letters.length)];
    return Buffer.from(text);
  };

  // Ordinary structure: a few top folders, the rest nested at most four deep (well within every limit).
  const folders: string[] = [];
  for (let i = 0; i < options.folders; i++) {
    const parent = folders.length === 0 || random() < 0.2 ? '' : pick(folders);
    if (parent.split('/').length >= 4) {
      folders.push(folder('', `${pick(folderWords)} ${i}`));
    } else {
      folders.push(folder(parent, `${pick(folderWords)} ${i}`));
    }
  }
  for (let i = 0; i < options.files; i++) {
    const parent = folders.length > 0 ? pick(folders) : '';
    file(parent, `${pick(words)} ${i}.${pick(extensions)}`, content());
  }

  if (options.plant !== false && folders.length > 0) {
    const home = folder('', 'Geplant');
    // Duplicates: the same bytes three times in different folders; an empty file twice (not duplicates).
    const same = Buffer.from('Dit is het vastgestelde beleid, in drievoud bewaard. '.repeat(20));
    file(home, 'beleid.docx', same);
    file(pick(folders), 'beleid kopie.docx', same);
    file(pick(folders), 'beleidsstuk.docx', same);
    file(home, 'leeg-1.txt', Buffer.alloc(0));
    file(home, 'leeg-2.txt', Buffer.alloc(0));
    // Names with problems.
    file(home, 'Rapport v2.docx', content());
    file(home, 'kopie van notulen.docx', content());
    file(home, 'Oudejaarsnacht.docx', content());
    file(home, '~$rapport.docx', content());
    file(home, 'Thumbs.db', content());
    file(home, 'dossier 123456782.pdf', content());
    file(home, 'nummer 123456789.pdf', content());
    file(home, 'vraag: waarom.txt', content());
    file(home, 'spatie aan het eind.txt ', content());
    folder(home, 'Nieuwe map');
    folder(home, 'Leeg');
    // Shared: one "anyone" link, one organisation link (Graph only).
    file(home, 'openbaar gedeeld.pdf', content(), recent(), 'anonymous');
    file(home, 'intern gedeeld.pdf', content(), recent(), 'organization');
    // A stale branch: nothing touched for seven years.
    const old = now - 7 * 365 * day;
    const stale = folder('', 'Oud project', old);
    const staleSub = folder(stale, 'Stukken', old);
    file(staleSub, 'eindrapport.pdf', content(), Math.floor(old / 1000) * 1000);
    // Too deep: twelve levels.
    let deep = home;
    for (let level = 0; level < 11; level++) deep = folder(deep, `niveau ${level + 2}`);
    file(deep, 'diep.txt', content());
    // Loose files in the root (root clutter).
    for (let i = 0; i < 27; i++) file('', `los bestand ${i}.txt`, content());
    // A path over 400 characters (both SharePoint and network-share limits).
    let long = home;
    for (let level = 0; level < 5; level++) long = folder(long, `${'lange mapnaam '.repeat(6).trim()} ${level}`);
    file(long, 'bestand.txt', content());
  }
  if (options.bigFolder) {
    const big = folder('', 'Groot');
    for (let i = 0; i < options.bigFolder; i++)
      file(big, `scan ${String(i).padStart(5, '0')}.pdf`, Buffer.from(`scan ${i}`));
  }
  return { items };
}

/** Writes the tree under dir (which must exist), with the times of the description. */
export async function writeTree(tree: Tree, dir: string): Promise<void> {
  for (const item of tree.items) {
    const target = join(dir, ...item.path.split('/'));
    if (item.kind === 'folder') await mkdir(target, { recursive: true });
    else await writeFile(target, item.content);
  }
  // Times last and deepest first: writing a child changes its folder's time.
  const byDepth = [...tree.items].sort((a, b) => b.path.split('/').length - a.path.split('/').length);
  for (const item of byDepth) {
    const seconds = item.modified / 1000;
    await utimes(join(dir, ...item.path.split('/')), seconds, seconds);
  }
}
