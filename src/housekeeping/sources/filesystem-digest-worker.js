// Worker thread of the file-system source's digests (filesystem-digests.ts). Plain JavaScript, like the walker's
// worker, so that it loads the same way under tsx, jest and from dist/.
//
// In:  { algorithm, jobs: [{ id, file, sample }] } - files to digest: whole, or (`sample`) their first and last
//      4 kB, as readDigest in filesystem.ts does on the main thread.
// Out: one message per request: [{ id, digest }] or [{ id, code }] for a file that could not be read.
import { createHash, hash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';

const chunk = 1 << 20;
const sampleBytes = 1 << 12;
const buffer = Buffer.allocUnsafe(chunk);

/** O_NOFOLLOW: a file swapped for a link after the walk is refused, never followed out of the root. */
function readDigest(file, algorithm, sampleOnly) {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    if (sampleOnly) {
      const size = fstatSync(fd).size;
      let length = readSync(fd, buffer, 0, Math.min(sampleBytes, size), 0);
      if (size > sampleBytes) {
        const start = Math.max(sampleBytes, size - sampleBytes);
        length += readSync(fd, buffer, length, size - start, start);
      }
      return hash(algorithm, buffer.subarray(0, length), 'hex');
    }
    const digest = createHash(algorithm);
    for (;;) {
      const bytesRead = readSync(fd, buffer, 0, chunk, null);
      if (bytesRead === 0) break;
      digest.update(buffer.subarray(0, bytesRead));
    }
    return digest.digest('hex');
  } finally {
    closeSync(fd);
  }
}

parentPort.on('message', ({ algorithm, jobs }) => {
  const results = [];
  for (const { id, file, sample } of jobs) {
    try {
      results.push({ id, digest: readDigest(file, algorithm, sample) });
    } catch (error) {
      results.push({ id, code: error?.code ?? 'unreadable' });
    }
  }
  parentPort.postMessage(results);
});
