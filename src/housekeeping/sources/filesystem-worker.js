// Worker thread of the file-system walker (filesystem-threads.ts). Plain JavaScript so that it loads the same
// way under tsx, jest and from dist/, without a TypeScript loader in the worker.
//
// In:  { parallel, dirs: [{ id, abs }], budget } - a few directories to read; the main thread bounds how many
//      are out at once.
//      `parallel` (network shares): the directories are read at the same time, and their subfolders are left to
//      the main thread, which bounds the reads in flight.
//      Else (a local disk answers at once) they are read one after the other, synchronously, and then, up to
//      `budget` entries, the folders found in them, depth first: one message then carries a whole piece of the
//      tree, where a message per few directories cost more than the reads (a thread waking up, an idle wait).
// Out: one message per request, an array of results in the order read. A result is for a directory given by the
//      main thread ({ id, ... }) or for a subfolder of an earlier result in the same message ({ parent: index of
//      that result, name, ... }). Per directory either { error: code } or { names: 'a\0b\0...', nums: Float64Array
//      [kind, size, mtimeMs] per name (kind 0 file, 1 folder), links, extraDirs?: string[], failures?:
//      [name, code][] }, the arrays transferred; in turn, { deferred: true }: a subfolder not read for the
//      budget, for the main thread to hand out again. Read in turn, every subfolder is this worker's: read in the
//      same message or deferred (`owned: true` on its parent's result). Names cannot hold NUL, so one string
//      carries them all.
import { lstatSync, readdirSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';

const readdirOptions = { withFileTypes: true };
const lstatOptions = { throwIfNoEntry: false };
const port = parentPort;
const codeOf = (error) => error?.code ?? 'unreadable';

/**
 * The entries of one directory into `result`: lstat per entry, symbolic links counted and never followed.
 * `subdirs` (when given) receives the names of the folders to read next. Returns the number of entries.
 */
function list(result, abs, dirents, subdirs) {
  const names = [];
  const nums = new Float64Array(dirents.length * 3);
  const prefix = `${abs}/`;
  let links = 0;
  let extraDirs;
  let failures;
  let n = 0;
  for (let i = 0; i < dirents.length; i++) {
    const dirent = dirents[i];
    const name = dirent.name;
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
      st = lstatSync(prefix + name, lstatOptions);
    } catch (error) {
      (failures ??= []).push([name, codeOf(error)]);
      if (listedDir) (extraDirs ??= []).push(name);
      continue;
    }
    if (st === undefined) {
      // Listed as a folder but gone since: still read, so that the walk reports it as a gap like the single-threaded walk.
      if (listedDir) (extraDirs ??= []).push(name);
      continue;
    }
    if (st.isFile()) {
      names.push(name);
      nums[n++] = 0;
      nums[n++] = st.size;
      nums[n++] = st.mtimeMs;
    } else if (st.isDirectory()) {
      names.push(name);
      nums[n++] = 1;
      nums[n++] = 0;
      nums[n++] = st.mtimeMs;
      subdirs?.push(name);
    } else if (st.isSymbolicLink()) {
      links++; // swapped for a link since the listing: still not followed
    } else if (listedDir) (extraDirs ??= []).push(name);
  }
  if (extraDirs && subdirs) for (const name of extraDirs) subdirs.push(name);
  result.names = names.join('\0');
  result.nums = n === nums.length ? nums : nums.slice(0, n);
  result.links = links;
  if (extraDirs) result.extraDirs = extraDirs;
  if (failures) result.failures = failures;
  return names.length;
}

function send(results) {
  const transfer = [];
  for (const r of results) if (r.nums) transfer.push(r.nums.buffer);
  port.postMessage(results, transfer);
}

/** Reads the given directories, then their subfolders depth first until `budget` entries are done. */
function readInTurn(dirs, budget) {
  const results = [];
  // Folders still to read: [index of the parent's result, name, absolute path].
  const pending = [];
  let done = 0;
  const read = (result, abs) => {
    results.push(result);
    let dirents;
    try {
      dirents = readdirSync(abs, readdirOptions);
    } catch (error) {
      result.error = codeOf(error);
      return;
    }
    const subdirs = [];
    result.owned = true;
    done += list(result, abs, dirents, subdirs);
    const index = results.length - 1;
    for (let i = subdirs.length - 1; i >= 0; i--) pending.push([index, subdirs[i], `${abs}/${subdirs[i]}`]);
  };
  for (const { id, abs } of dirs) read({ id }, abs);
  while (pending.length > 0 && done < budget) {
    const [parent, name, abs] = pending.pop();
    read({ parent, name }, abs);
  }
  for (const [parent, name] of pending) results.push({ parent, name, deferred: true });
  return results;
}

port.on('message', ({ parallel, dirs, budget }) => {
  if (!parallel) {
    send(readInTurn(dirs, budget ?? 0));
    return;
  }
  const listed = dirs.map(({ id, abs }) =>
    readdir(abs, readdirOptions).then(
      (dirents) => {
        const result = { id };
        list(result, abs, dirents);
        return result;
      },
      (error) => ({ id, error: codeOf(error) }),
    ),
  );
  void Promise.all(listed).then(send);
});
