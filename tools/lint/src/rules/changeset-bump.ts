import { diffRevisions, releaseType } from '@criteria/diff';
import type { LoadedRevision } from '@criteria/schema';
import type { RevisionView } from '../context.js';
import { defineRule } from '../rule.js';

const loaded = (r: RevisionView | undefined): LoadedRevision | undefined =>
  r?.parsed === undefined || r.sha256 === undefined ? undefined : { ...r.parsed, sha256: r.sha256 };

/** The package bumps in a changeset's front matter. */
const bumps = (text: string): Map<string, string> => {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  const out = new Map<string, string>();
  for (const line of front.split(/\r?\n/)) {
    const m = /^\s*(["']?)([^"'\s]+)\1\s*:\s*([a-z]+)\s*$/.exec(line);
    if (m) out.set(m[2] as string, m[3] as string);
  }
  return out;
};

const IMPACT_WORDS = {
  'restricts-coverage': 'restricts coverage',
  'expands-coverage': 'expands coverage',
  substantive: 'changes coverage substantively (in a direction the record does not show)',
  administrative: 'is administrative',
  record: 'changes only its own record (dates, summary, notice terms)',
} as const;

export const changesetBump = defineRule({
  id: 'changeset-bump',
  severity: 'error',
  title: "A changeset that cites a revision bumps the policy package by the revision's impact",
  rationale:
    'A changeset whose summary cites `<policy>@<revision>` ships that revision. The policy package is versioned by what the revision does to coverage, diffed against the one before it (docs/notices.md): a restriction is `major`, an expansion `minor`, an administrative change `patch`. `changeset version` refuses a wrong bump at release time; lint says so in the pull request.',
  fix: 'Set the bump of the policy package in the changeset front matter to the one the message names (`pnpm -s criteria diff <policy> <previous> <revision>` shows why), or correct the revision if it should not have that impact.',
  *check(ctx) {
    if (ctx.changesets === undefined || ctx.packageName === undefined) return;
    const cites = new RegExp(
      `(?<![\\w@/.-])${ctx.policyId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}@(\\d{4}-\\d{2}-\\d{2})(?![\\w-])`,
      'g',
    );
    for (const changeset of ctx.changesets) {
      const bump = bumps(changeset.text).get(ctx.packageName);
      for (const m of new Set([...changeset.text.matchAll(cites)].map((x) => x[1] as string))) {
        const i = ctx.revisions.findIndex((r) => r.label === m);
        if (i < 0) {
          yield {
            revision: m,
            field: '',
            message: `\`${changeset.path}\` cites ${ctx.policyId}@${m}, which is not a revision of the policy`,
            fix: `Cite an existing revision as \`${ctx.policyId}@<revision id>\`, or add the revision first (\`pnpm new-revision ${ctx.policyId}\`).`,
          };
          continue;
        }
        const from = loaded(ctx.revisions[i - 1]);
        const to = loaded(ctx.revisions[i]);
        if (from === undefined || to === undefined) continue;
        const impact = diffRevisions(from, to).impact;
        if (impact === 'none') continue;
        const expected = releaseType(impact);
        if (bump === expected) continue;
        yield {
          revisionIndex: i,
          field: '',
          message: `\`${changeset.path}\` ${bump === undefined ? `does not bump \`${ctx.packageName}\`` : `bumps \`${ctx.packageName}\` \`${bump}\``}, but the revision ${IMPACT_WORDS[impact]} compared with ${ctx.revisions[i - 1]?.label}, so the bump is \`${expected}\``,
          fix: `Set \`"${ctx.packageName}": ${expected}\` in the front matter of \`${changeset.path}\` (docs/notices.md, versioning rule).`,
        };
      }
    }
  },
});
