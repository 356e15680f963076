// Types of build-state.js (plain JavaScript, so that `npm start` needs no TypeScript loader before it builds).

export interface BuildTarget {
  name: string;
  /** The npm script that builds it. */
  script: string;
  /** A file the build writes; when it is missing the target is stale. */
  output: string;
  /** Files outside src/ that the build reads, relative to the root. */
  files: string[];
  /** Which files under src/ (relative to the root, forward slashes) the build reads. */
  fromSrc(path: string): boolean;
}

export const stateFile: string;
export const buildTargets: BuildTarget[];
export function inputHash(root: string, target: BuildTarget): string;
export function staleTargets(root: string, targets?: BuildTarget[]): { target: BuildTarget; hash: string }[];
export function forgetBuild(root: string, name: string): void;
export function recordBuild(root: string, name: string, hash: string): void;
