import { CriteriaError, formatIssue } from '@criteria/errors';
import { buildNotice, type ChangeNotice, renderNoticeBrief } from '@criteria/notice';
import { type PolicyRegistry, policies as registered } from '@criteria/registry';
import type { LoadedPolicy } from '@criteria/schema';

/** A policy a changeset cites, and the package that publishes it (the package the changeset bumps). */
interface CitedPolicy {
  packageName: string;
  policy: LoadedPolicy;
}

/**
 * The part of a changeset the formatter reads (the shape `@changesets/types` gives it).
 *
 * @example { id: 'apbi', summary: 'imrt@2023-01-10: …', releases: [{ name: '@criteria/policy-imrt', type: 'minor' }] }
 */
export interface ChangesetEntry {
  id: string;
  summary: string;
  releases: readonly { name: string; type: string }[];
}

/**
 * The formatter's options. `.changeset/config.json` needs none: the policies a
 * summary may cite are `@criteria/registry`'s (the one list of policies).
 *
 * @example "changelog": "@criteria/changelog-formatter"
 */
export interface FormatterOptions {
  /** Another set of policies (tests); default: every registered policy. */
  registry?: PolicyRegistry;
}

type ReleaseType = 'major' | 'minor' | 'patch';
const IMPACT_WORDS: Record<ChangeNotice['impact'], string> = {
  'restricts-coverage': 'restricts coverage',
  'expands-coverage': 'expands coverage',
  substantive: 'changes coverage substantively (in a direction the record does not show)',
  administrative: 'is administrative',
  record: 'changes only its own record',
  none: 'changes nothing',
};
const RANK: Record<ReleaseType | 'none', number> = { none: 0, patch: 1, minor: 2, major: 3 };

/** `imrt@2023-01-10`: a policy id, `@`, a revision id. Package names (`@scope/x@1.2.3`) never match. */
const REVISION_REF = /(?<![\w@/.-])([a-z0-9]+(?:-[a-z0-9]+)*)@(\d{4}-\d{2}-\d{2})(?![\w-])/g;

/**
 * Every `policy@revision` a summary cites, in order, once each.
 *
 * @example revisionRefs('imrt@2023-01-10: APBI') // => [{ policyId: 'imrt', revisionId: '2023-01-10' }]
 */
export function revisionRefs(summary: string): { policyId: string; revisionId: string }[] {
  const seen = new Set<string>();
  const out: { policyId: string; revisionId: string }[] = [];
  for (const m of summary.matchAll(REVISION_REF)) {
    const key = `${m[1]}@${m[2]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ policyId: m[1] as string, revisionId: m[2] as string });
  }
  return out;
}

const indent = (text: string) =>
  text
    .split('\n')
    .map((l) => (l === '' ? '' : `  ${l}`))
    .join('\n');

/**
 * The changelog entry of one changeset: its summary as a list item, then, for
 * each revision it cites as `policy@revision`, that revision's notice in brief.
 * A changeset whose bump of the policy package disagrees with the revision's
 * impact (restriction = major, expansion = minor, administrative = patch) is an
 * error, so `changeset version` stops before writing anything.
 *
 * @example
 * await getReleaseLine(
 *   { id: 'apbi', summary: 'imrt@2023-01-10: APBI from 2023-06-01', releases: [{ name: '@criteria/policy-imrt', type: 'minor' }] },
 *   'minor',
 *   {},
 * );
 */
export async function getReleaseLine(
  changeset: ChangesetEntry,
  _type: string,
  options?: FormatterOptions | null,
): Promise<string> {
  const [first = '', ...rest] = changeset.summary
    .trim()
    .split('\n')
    .map((l) => l.trimEnd());
  const lines = [`- ${first}`, ...rest.map((l) => (l === '' ? '' : `  ${l}`))];
  const refs = revisionRefs(changeset.summary);
  if (refs.length === 0) return lines.join('\n');
  const registry = options?.registry ?? registered;
  const notices: { pkg: CitedPolicy; notice: ChangeNotice }[] = [];
  for (const { policyId, revisionId } of refs) {
    const entry = registry.get(policyId);
    if (!entry)
      throw new CriteriaError('unknown_policy', [
        formatIssue(
          `changeset ${changeset.id}`,
          `${policyId}@${revisionId}`,
          `a revision of a known policy (known: ${registry.ids.join(', ') || 'none; register policy packages in @criteria/registry'})`,
        ),
      ]);
    const pkg = { packageName: entry.packageName, policy: await entry.load() };
    notices.push({ pkg, notice: buildNotice(pkg.policy, revisionId) });
  }
  checkBumps(changeset, notices);
  for (const { notice } of notices) lines.push('', indent(renderNoticeBrief(notice)));
  return lines.join('\n');
}

/** The bump of each cited policy's package must be the one its revisions call for. */
function checkBumps(
  changeset: ChangesetEntry,
  notices: readonly { pkg: CitedPolicy; notice: ChangeNotice }[],
): void {
  const expected = new Map<string, ChangeNotice>();
  for (const { pkg, notice } of notices) {
    const prev = expected.get(pkg.packageName);
    if (!prev || RANK[notice.releaseType] > RANK[prev.releaseType])
      expected.set(pkg.packageName, notice);
  }
  for (const [packageName, notice] of expected) {
    const release = changeset.releases.find((r) => r.name === packageName);
    if (!release || notice.releaseType === 'none' || release.type === notice.releaseType) continue;
    throw new CriteriaError('invalid_argument', [
      formatIssue(
        `changeset ${changeset.id}: ${packageName}`,
        release.type,
        `the bump ${notice.policy.id}@${notice.revision} calls for: it ${IMPACT_WORDS[notice.impact]}, so \`${notice.releaseType}\` (see docs/notices.md)`,
      ),
    ]);
  }
}

/**
 * The entry for packages released only because a dependency was: the list of
 * updated dependencies, as changesets' default formatter writes it (no commit hashes).
 *
 * @example await getDependencyReleaseLine([cs], [{ name: '@criteria/schema', newVersion: '0.2.0' }]) // => '- Updated dependencies\n  - @criteria/schema@0.2.0'
 */
export async function getDependencyReleaseLine(
  changesets: readonly unknown[],
  dependenciesUpdated: readonly { name: string; newVersion: string }[],
): Promise<string> {
  if (dependenciesUpdated.length === 0 || changesets.length === 0) return '';
  return [
    '- Updated dependencies',
    ...dependenciesUpdated.map((d) => `  - ${d.name}@${d.newVersion}`),
  ].join('\n');
}
