/** Everything that stops a package build, each line saying what to fix. */
export class PackagingError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Het app-pakket is niet gemaakt / the app package was not built:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'PackagingError';
  }
}
