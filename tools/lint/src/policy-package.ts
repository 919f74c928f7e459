import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LintTarget, LockState, SourceState } from './context.js';
import { stringField } from './internal/raw.js';
import { LOCK_FILE, parseLockFile } from './lock-file.js';

/**
 * A policy package on disk (`policies/<name>/`) read for lint: its raw data
 * (the package's `./input` export, default export), its source document
 * (`sourceDocument`, relative to the package) and its lock file.
 */
export interface PolicyPackage extends LintTarget {
  /** The directory name under `policies/`, which is the policy id by convention. */
  name: string;
  /** Absolute path of the package directory. */
  dir: string;
  /** Absolute path of the lock file (it may not exist yet). */
  lockPath: string;
  /** Absolute path of the module the data was read from (the `./input` export), when there is one. */
  inputPath?: string;
}

/** The nearest directory at or above `from` holding `pnpm-workspace.yaml` (else `from`). */
export function findRepoRoot(from: string): string {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const up = dirname(dir);
    if (up === dir) return resolve(from);
    dir = up;
  }
}

type Exports = Record<string, unknown>;
/** Whether this module runs from its TypeScript source (then so can the policies' sources). */
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const inputEntry = (dir: string): string | undefined => {
  try {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      exports?: Exports;
    };
    const entry = pkg.exports?.['./input'];
    if (typeof entry === 'string') return entry;
    if (entry !== null && typeof entry === 'object') {
      // The entry this process can import: the source (`@criteria/source`) when lint
      // itself runs from source (tsx, vitest), the build otherwise (the built CLI).
      const e = entry as Record<string, unknown>;
      const chosen = (FROM_SOURCE ? e['@criteria/source'] : undefined) ?? e.default;
      return typeof chosen === 'string' ? chosen : undefined;
    }
  } catch {
    return undefined;
  }
  return undefined;
};

const packageNameOf = (dir: string): string | undefined => {
  try {
    const name = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown })
      .name;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
};

/**
 * The policy packages of a repository: directories under `policies/` whose
 * package.json exports `./input`, sorted by name.
 *
 * @example findPolicyPackages('/repo') // => [{ name: 'imrt', dir: '/repo/policies/imrt' }]
 */
export function findPolicyPackages(root: string): { name: string; dir: string }[] {
  const policies = join(root, 'policies');
  if (!existsSync(policies)) return [];
  return readdirSync(policies, { withFileTypes: true })
    .filter((d) => d.isDirectory() && inputEntry(join(policies, d.name)) !== undefined)
    .map((d) => ({ name: d.name, dir: join(policies, d.name) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The changesets of the repository (`.changeset/*.md` but its README). */
const changesetsOf = (root: string): { path: string; text: string }[] => {
  const dir = join(root, '.changeset');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md')
    .sort()
    .map((f) => ({ path: `.changeset/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
};

const errorText = (e: unknown): string =>
  e instanceof Error ? ((e as NodeJS.ErrnoException).code ?? e.message) : String(e);

/** A registered policy (`@criteria/registry`): its id and the package that publishes it. */
export interface RegisteredName {
  id: string;
  packageName: string;
}

/**
 * The registered policies found in this repository's `policies/` (by package
 * name), and the policy packages there that are not registered: the registry is
 * the one list, so a package missing from it is an error `criteria lint` reports.
 *
 * @example locatePolicyPackages('/repo', [{ id: 'imrt', packageName: '@criteria/policy-imrt' }])
 * // => { found: [{ name: 'imrt', dir: '/repo/policies/imrt' }], unregistered: [] }
 */
export function locatePolicyPackages(
  root: string,
  registered: readonly RegisteredName[],
): {
  found: { name: string; dir: string }[];
  unregistered: { dir: string; packageName: string | undefined }[];
} {
  const onDisk = findPolicyPackages(root).map((p) => ({ ...p, packageName: packageNameOf(p.dir) }));
  const found = registered.flatMap((r) => {
    const p = onDisk.find((d) => d.packageName === r.packageName);
    return p ? [{ name: r.id, dir: p.dir }] : [];
  });
  const unregistered = onDisk
    .filter((d) => !registered.some((r) => r.packageName === d.packageName))
    .map(({ dir, packageName }) => ({ dir, packageName }));
  return { found, unregistered };
}

/**
 * Reads a policy package for lint. Never throws for a broken policy: a module
 * that fails to load is reported as `loadError`.
 *
 * @param root paths in messages are relative to it (the repository root)
 */
export async function loadPolicyPackage(dir: string, root = dir): Promise<PolicyPackage> {
  const name = dir.split(/[\\/]/).filter(Boolean).pop() ?? dir;
  const lockPath = join(dir, LOCK_FILE);
  const base: PolicyPackage = { name, dir, lockPath, input: undefined };
  const entry = inputEntry(dir);
  if (entry === undefined)
    return {
      ...base,
      loadError: `${relative(root, dir) || '.'}/package.json exports no \`./input\``,
    };
  const inputPath = resolve(dir, entry);
  let input: unknown;
  try {
    const mod = (await import(pathToFileURL(inputPath).href)) as { default?: unknown };
    input = mod.default;
  } catch (e) {
    return { ...base, inputPath, loadError: e instanceof Error ? e.message : String(e) };
  }
  const shown = (p: string) => relative(root, p).split('\\').join('/');
  const sourceDocument = stringField(input, 'sourceDocument');
  let source: SourceState | undefined;
  if (sourceDocument !== undefined) {
    const path = resolve(dir, sourceDocument);
    try {
      source = { path: shown(path), text: readFileSync(path, 'utf8') };
    } catch (e) {
      source = { path: shown(path), error: errorText(e) };
    }
  }
  let lock: LockState;
  if (!existsSync(lockPath)) lock = { status: 'absent', path: shown(lockPath) };
  else {
    const parsed = parseLockFile(readFileSync(lockPath, 'utf8'));
    lock = parsed.ok
      ? { status: 'ok', path: shown(lockPath), lock: parsed.value }
      : { status: 'invalid', path: shown(lockPath), error: parsed.issues.join('; ') };
  }
  return {
    ...base,
    inputPath,
    input,
    source,
    lock,
    packageName: packageNameOf(dir),
    changesets: changesetsOf(root),
  };
}
