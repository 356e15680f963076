// Worker thread of the file-system walker (filesystem-threads.ts). Plain JavaScript so that it loads the same
// way under tsx, jest and from dist/, without a TypeScript loader in the worker.
//
// In:  { parallel, dirs: [{ id, abs }] } - a few directories to read; the main thread bounds how many are
//      out at once. `parallel` (network shares) reads them at the same time, else one after the other
//      (a local disk answers at once, and a synchronous readdir skips a thread-pool round trip).
// Out: one message per request, an array with per directory either { id, error } or
//      { id, names: 'a\0b\0...', nums: Float64Array [kind, size, mtimeMs] per name (kind 0 file, 1 folder),
//        links, extraDirs?: string[], failures?: [name, code][] }, the arrays transferred.
//      Names cannot hold NUL, so one string carries them all.
import { lstatSync, readdirSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';

const readdirOptions = { withFileTypes: true };
const lstatOptions = { throwIfNoEntry: false };
const port = parentPort;
const codeOf = (error) => error?.code ?? 'unreadable';

/** The entries of one directory: lstat per entry, symbolic links counted and never followed. */
function list(id, abs, dirents) {
  const names = [];
  const nums = new Float64Array(dirents.length * 3);
  let links = 0;
  let extraDirs;
  let failures;
  let n = 0;
  for (const dirent of dirents) {
    if (dirent.isSymbolicLink()) {
      links++;
      continue;
    }
    const listedDir = dirent.isDirectory();
    // Sockets, pipes and devices are neither files nor folders to a user: left out (unknown types are looked at).
    if (
      !listedDir &&
      !dirent.isFile() &&
      (dirent.isFIFO() || dirent.isSocket() || dirent.isBlockDevice() || dirent.isCharacterDevice())
    )
      continue;
    let st;
    try {
      st = lstatSync(`${abs}/${dirent.name}`, lstatOptions);
    } catch (error) {
      (failures ??= []).push([dirent.name, codeOf(error)]);
      if (listedDir) (extraDirs ??= []).push(dirent.name);
      continue;
    }
    if (st?.isSymbolicLink()) {
      links++; // swapped for a link since the listing: still not followed
      continue;
    }
    if (st?.isDirectory() || st?.isFile()) {
      const folder = st.isDirectory();
      names.push(dirent.name);
      nums[n++] = folder ? 1 : 0;
      nums[n++] = folder ? 0 : st.size;
      nums[n++] = st.mtimeMs;
      continue;
    }
    // Listed as a folder but gone since: still read, so that the walk reports it as a gap like the single-threaded walk.
    if (listedDir) (extraDirs ??= []).push(dirent.name);
  }
  const packed = n === nums.length ? nums : nums.slice(0, n);
  return { id, names: names.join('\0'), nums: packed, links, extraDirs, failures };
}

function send(results) {
  port.postMessage(
    results,
    results.flatMap((r) => (r.nums ? [r.nums.buffer] : [])),
  );
}

port.on('message', ({ parallel, dirs }) => {
  if (!parallel) {
    const results = [];
    for (const { id, abs } of dirs) {
      let dirents;
      try {
        dirents = readdirSync(abs, readdirOptions);
      } catch (error) {
        results.push({ id, error: codeOf(error) });
        continue;
      }
      results.push(list(id, abs, dirents));
    }
    send(results);
    return;
  }
  const listed = dirs.map(({ id, abs }) =>
    readdir(abs, readdirOptions).then(
      (dirents) => list(id, abs, dirents),
      (error) => ({ id, error: codeOf(error) }),
    ),
  );
  void Promise.all(listed).then(send);
});
