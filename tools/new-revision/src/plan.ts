import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { isIsoDate } from '@criteria/calendar';
import { err, type FieldIssue, formatIssue, ok, type Result } from '@criteria/errors';
import { findPolicyPackages, loadPolicyPackage } from '@criteria/lint';
import { renderChangeset, renderModule, snapshot } from './render.js';
import { type Answers, checkAnswers } from './time-rules.js';

/** One file the scaffold writes. */
export interface FileWrite {
  /** Absolute path. */
  path: string;
  text: string;
  /** What the file is, for the report. */
  role: 'module' | 'registry' | 'changeset';
}

/** Everything `new-revision` will write, decided before anything is written. */
export interface Plan {
  policy: string;
  revision: string;
  /** The revision the snapshot copies. */
  from: string;
  files: FileWrite[];
}

const record = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined;

/**
 * The notice period of the latest of these raw revisions that requires notice
 * (revisions carry their own `notice.periodDays`), or null when none does.
 */
const noticePeriod = (revisions: readonly Record<string, unknown>[]): number | null => {
  for (const r of [...revisions].reverse()) {
    const notice = record(r.notice);
    if (notice?.required === true && typeof notice.periodDays === 'number')
      return notice.periodDays;
  }
  return null;
};

/**
 * The notice period a new revision of `policy` copies: that of its latest
 * revision that requires notice; null when none does (or the policy does not load).
 */
export async function noticePeriodOf(root: string, policy: string): Promise<number | null> {
  const where = findPolicyPackages(root).find((p) => p.name === policy);
  if (where === undefined) return null;
  const pkg = await loadPolicyPackage(where.dir, root);
  const revisions = (record(pkg.input)?.revisions ?? []) as unknown[];
  return noticePeriod(revisions.map(record).filter((r) => r !== undefined));
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Decides the files for the next revision of `policy` in the repository at
 * `root`: refuses (with every reason) dates that break the time rules, an
 * unknown or broken policy, a revision that already exists, or (with `today`)
 * an approval date after today. Writes nothing.
 *
 * @example
 * const plan = await planRevision('/repo', 'imrt', { approved: '2026-01-05', effective: '2026-03-15', notice: true, summary: '...' });
 * if (plan.ok) writePlan(plan.value);
 */
export async function planRevision(
  root: string,
  policy: string,
  answers: Answers,
  { today }: { today?: string } = {},
): Promise<Result<Plan, FieldIssue>> {
  const found = findPolicyPackages(root);
  const where = found.find((p) => p.name === policy);
  if (where === undefined)
    return err([
      formatIssue(
        'policy',
        policy,
        `a known policy (known: ${found.map((p) => p.name).join(', ') || 'none'})`,
      ),
    ]);
  const pkg = await loadPolicyPackage(where.dir, root);
  if (pkg.loadError !== undefined || pkg.inputPath === undefined)
    return err([formatIssue('policy', policy, `a policy whose module loads (${pkg.loadError})`)]);
  const revisions = (record(pkg.input)?.revisions ?? []) as unknown[];
  const dated = revisions
    .map(record)
    .filter((r): r is Record<string, unknown> => r !== undefined && isIsoDate(r.approvedOn));
  const latest = dated.reduce<Record<string, unknown> | undefined>(
    (a, r) => (a === undefined || (r.approvedOn as string) > (a.approvedOn as string) ? r : a),
    undefined,
  );
  if (latest === undefined)
    return err([
      formatIssue('policy', policy, 'a policy with at least one dated revision to copy'),
    ]);
  const from = latest.approvedOn as string;
  const periodDays = answers.noticeDays ?? noticePeriod(dated);
  const issues = checkAnswers(answers, { latestApprovedOn: from, today, periodDays });
  if (issues.length > 0) return err(issues);
  const id = answers.approved;

  // Register the module where the latest one is registered: its import, and its entry in `revisions`.
  const registryPath = pkg.inputPath;
  const registry = readFileSync(registryPath, 'utf8');
  const imported = new RegExp(
    `^import (\\w+) from '(\\.[^']*/)${escapeRegExp(from)}\\.js';$`,
    'm',
  ).exec(registry);
  const shown = (p: string) => relative(root, p).split('\\').join('/');
  if (imported === null)
    return err([
      formatIssue(
        shown(registryPath),
        `import … from './…/${from}.js'`,
        'found: the latest revision must be imported there to register the new one after it',
      ),
    ]);
  const [importLine, ident, relDir] = imported as unknown as [string, string, string];
  const newIdent = `r${id.replace(/-/g, '')}`;
  const listStart = registry.indexOf('revisions:', imported.index + importLine.length);
  const entry =
    listStart < 0
      ? null
      : new RegExp(`\\b${escapeRegExp(ident)}\\b,?`).exec(registry.slice(listStart));
  if (entry === null)
    return err([formatIssue(shown(registryPath), ident, 'listed in `revisions`')]);
  const at = listStart + entry.index + entry[0].length;
  const withEntry = `${registry.slice(0, at).replace(/,?$/, ',')}\n    ${newIdent},${registry.slice(at)}`;
  const newRegistry = withEntry.replace(
    importLine,
    `${importLine}\nimport ${newIdent} from '${relDir}${id}.js';`,
  );

  const modulePath = resolve(dirname(registryPath), relDir, `${id}.ts`);
  const changesetPath = join(root, '.changeset', `${policy}-revision-${id}.md`);
  for (const path of [modulePath, changesetPath])
    if (existsSync(path))
      return err([formatIssue(shown(path), 'a file', 'absent (it exists already)')]);

  const pkgJson = JSON.parse(readFileSync(join(pkg.dir, 'package.json'), 'utf8')) as {
    name?: string;
  };
  const facts = {
    ...answers,
    summary: answers.summary.trim(),
    noticeDays: answers.notice ? periodDays : null,
  };
  return ok({
    policy,
    revision: id,
    from,
    files: [
      {
        path: modulePath,
        role: 'module',
        text: renderModule(policy, from, snapshot(latest, facts), facts),
      },
      { path: registryPath, role: 'registry', text: newRegistry },
      {
        path: changesetPath,
        role: 'changeset',
        text: renderChangeset(pkgJson.name ?? `@criteria/policy-${policy}`, policy, facts),
      },
    ],
  });
}
