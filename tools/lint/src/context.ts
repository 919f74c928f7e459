import type { IsoDate } from '@criteria/calendar';
import { contentHash, type Revision, RevisionSchema } from '@criteria/schema';
import { field, stringField } from './internal/raw.js';
import type { LockFile } from './lock-file.js';

/** The policy's source document as read from disk, or why it could not be read. */
export type SourceState = { path: string; text: string } | { path: string; error: string };

/** The policy's lock file: absent, unreadable, or read. */
export type LockState =
  | { status: 'absent'; path: string }
  | { status: 'invalid'; path: string; error: string }
  | { status: 'ok'; path: string; lock: LockFile };

/**
 * What lint reads: the policy data as written (any shape), and optionally its
 * source document and lock file. Without `source`, citations are not checked;
 * without `lock`, immutability is not checked.
 */
export interface LintTarget {
  /** The raw policy data, before validation. */
  input: unknown;
  /** Used as the policy's name when the data has no string `id`. */
  name?: string;
  /** Set when the policy module itself could not be loaded (nothing else is checked). */
  loadError?: string;
  source?: SourceState;
  lock?: LockState;
  /** The policy package's npm name (changesets bump it); needed to check changesets. */
  packageName?: string;
  /** The repository's changesets (`.changeset/*.md`); without them, bumps are not checked. */
  changesets?: readonly { path: string; text: string }[];
}

/** One revision of the raw data, with what could be derived from it. */
export interface RevisionView {
  index: number;
  /** The id as written, or `#<index>` when there is no string id. */
  label: string;
  raw: unknown;
  /** The revision validated on its own, when it validates. */
  parsed: Revision | undefined;
  /** sha256 of the validated revision (what the lock records), when it validates. */
  sha256: string | undefined;
}

/** What a rule sees. */
export interface LintContext {
  policyId: string;
  input: unknown;
  revisions: readonly RevisionView[];
  source: SourceState | undefined;
  lock: LockState | undefined;
  packageName: string | undefined;
  changesets: readonly { path: string; text: string }[] | undefined;
  today: IsoDate;
}

/** Builds the context rules read; never throws. */
export function lintContext(target: LintTarget, today: IsoDate): LintContext {
  const raw = field(target.input, 'revisions');
  const revisions = (Array.isArray(raw) ? raw : []).map((r, index): RevisionView => {
    const parsed = RevisionSchema.safeParse(r);
    return {
      index,
      label: stringField(r, 'id') ?? `#${index}`,
      raw: r,
      parsed: parsed.success ? parsed.data : undefined,
      sha256: parsed.success ? contentHash(parsed.data) : undefined,
    };
  });
  return {
    policyId: stringField(target.input, 'id') ?? target.name ?? '(policy without an id)',
    input: target.input,
    revisions,
    source: target.source,
    lock: target.lock,
    packageName: target.packageName,
    changesets: target.changesets,
    today,
  };
}
