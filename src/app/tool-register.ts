import { errorForLog, type Logger } from '../log.js';
import { noDatabase } from './errors.js';
import { editedRegisterVersion, registerSchema, type ToolRegister } from '../quickcheck/index.js';
import type { KeptRegister, ToolRegisterRepository } from '../store/repositories/tool-register.js';

/**
 * The tool register the checks use. With a store it is the one kept in the database (seeded from the YAML on the
 * first read), held in this process for `ttlMs` so that a check does not read it each time: a change made through
 * this instance counts here at once, one made through another instance after at most `ttlMs`. Without a store
 * (`ai-wijzer ask`, `ai-wijzer check --dry-run`) it is the YAML's.
 */
export interface RegisterSource {
  /** The register as last read: the YAML's until the database has been read. For what cannot wait (a card's form). */
  latest(): ToolRegister;
  /** The register as kept now: read again when the one held is older than the TTL. */
  current(): Promise<ToolRegister>;
  /** The register as kept, with its revision (for the admins), read now. */
  kept(): Promise<{ kept: KeptRegister; register: ToolRegister }>;
  /** This instance changed the register: what it kept now counts here at once. */
  changed(kept: KeptRegister): ToolRegister;
  /** Where the register comes from. */
  readonly source: 'database' | 'file';
}

/** The register as the checks see it, from what the database keeps, validated with the register's own schema. */
export function registerFromKept(kept: KeptRegister): ToolRegister {
  // The entries were validated when they were put; a failure here means the database was changed by hand.
  const parsed = registerSchema.safeParse({ version: kept.startVersion, example: kept.example, tools: kept.tools });
  if (!parsed.success)
    throw new Error(`tool register in the database does not validate: ${parsed.error.issues[0]?.message ?? ''}`);
  return { ...parsed.data, version: editedRegisterVersion(kept.startVersion, kept.revision, parsed.data) };
}

export function registerSource(deps: {
  /** The YAML's register: the starting content, and the register itself without a store. */
  file: ToolRegister;
  repository?: ToolRegisterRepository;
  ttlMs: number;
  logger: Logger;
  now?: () => number;
}): RegisterSource {
  const { file, repository, ttlMs, logger } = deps;
  const now = deps.now ?? Date.now;
  let held = file;
  let readAt = -Infinity;
  let reading: Promise<ToolRegister> | undefined;
  const seed = () => file;
  const hold = (kept: KeptRegister) => {
    held = registerFromKept(kept);
    readAt = now();
    return held;
  };
  return {
    source: repository ? 'database' : 'file',
    latest: () => held,
    async current() {
      if (!repository || now() - readAt < ttlMs) return held;
      // One read at a time; everyone who asks meanwhile waits for it.
      reading ??= repository
        .read(seed)
        .then(hold)
        .catch((error: unknown) => {
          // The checks go on with the register last read (the YAML's before the first read); recording a check
          // needs the database anyway and says so.
          logger.warn({ err: errorForLog(error) }, 'tool register not read; the one read last is used');
          return held;
        })
        .finally(() => (reading = undefined));
      return reading;
    },
    async kept() {
      if (!repository) throw noDatabase;
      const kept = await repository.read(seed);
      return { kept, register: hold(kept) };
    },
    changed: hold,
  };
}
