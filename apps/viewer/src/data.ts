import { type LoadedPolicy, parsePolicy } from '@criteria/schema';

/** The lock file of a policy as the viewer shows it. */
export type LockView =
  | { status: 'absent' }
  | { status: 'invalid'; error: string }
  | { status: 'ok'; revisions: Readonly<Record<string, string>> };

/** One policy with what the viewer shows beside its data: the source text and its lock file. */
export interface PolicyEntry {
  policy: LoadedPolicy;
  /** The policy's source document, or null when it could not be read. */
  source: string | null;
  lock: LockView;
  /** The module that exports the policy's data (its `./input`), bundled for the browser pages. */
  module: string | null;
}

/** Everything the pages are made from. Pages are pure functions of it (and of "today"). */
export interface ViewerData {
  policies: readonly PolicyEntry[];
}

/** A revision's standing against the lock file. */
export type LockStatus = 'locked' | 'changed' | 'not-locked' | 'no-lock-file' | 'lock-file-invalid';

/**
 * Whether a revision's content hash is the one its policy's lock file records.
 *
 * @example lockStatus(entry, revision) // => 'locked'
 */
export function lockStatus(
  entry: PolicyEntry,
  revision: { id: string; sha256: string },
): LockStatus {
  if (entry.lock.status === 'absent') return 'no-lock-file';
  if (entry.lock.status === 'invalid') return 'lock-file-invalid';
  const recorded = entry.lock.revisions[revision.id];
  if (recorded === undefined) return 'not-locked';
  return recorded === revision.sha256 ? 'locked' : 'changed';
}

/**
 * Reads every policy package of a repository (the same way `criteria lint`
 * does): its data, validated and hashed; its source document; its lock file.
 * A policy that does not validate is left out and named in `problems`.
 */
export async function loadViewerData(
  root: string,
): Promise<{ data: ViewerData; problems: string[] }> {
  const { findPolicyPackages, loadPolicyPackage } = await import('@criteria/lint');
  const policies: PolicyEntry[] = [];
  const problems: string[] = [];
  for (const { dir, name } of findPolicyPackages(root)) {
    const pkg = await loadPolicyPackage(dir, root);
    if (pkg.loadError !== undefined) {
      problems.push(`${name}: ${pkg.loadError}`);
      continue;
    }
    const parsed = parsePolicy(pkg.input);
    if (!parsed.ok) {
      problems.push(`${name}: does not validate (\`criteria lint ${name}\` lists why)`);
      continue;
    }
    const lock: LockView =
      pkg.lock === undefined || pkg.lock.status === 'absent'
        ? { status: 'absent' }
        : pkg.lock.status === 'invalid'
          ? { status: 'invalid', error: pkg.lock.error }
          : { status: 'ok', revisions: pkg.lock.lock.revisions };
    policies.push({
      policy: parsed.value,
      source: pkg.source && 'text' in pkg.source ? pkg.source.text : null,
      lock,
      module: pkg.inputPath ?? null,
    });
  }
  return { data: { policies }, problems };
}
