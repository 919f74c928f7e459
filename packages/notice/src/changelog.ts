import type { LoadedPolicy } from '@criteria/schema';
import { z } from 'zod';
import { buildNotice, ChangeNoticeSchema } from './notice.js';

/**
 * One revision in the changelog: its notice as produced on its own production
 * date (a later approval or retirement never appears in an earlier entry).
 *
 * @example ChangelogEntrySchema.parse(buildChangelog(imrt).entries[0]).revision // => '2023-01-10'
 */
export const ChangelogEntrySchema = ChangeNoticeSchema.omit({ format: true, policy: true });
/**
 * One revision in the changelog.
 *
 * @example const [latest]: ChangelogEntry[] = buildChangelog(imrt).entries;
 */
export type ChangelogEntry = z.infer<typeof ChangelogEntrySchema>;

/**
 * The whole history of a policy, newest first, as JSON carries it.
 *
 * @example ChangelogSchema.parse(JSON.parse(readFileSync('changelog.json', 'utf8'))).entries.length
 */
export const ChangelogSchema = z.object({
  format: z.literal('criteria-changelog/2'),
  policy: ChangeNoticeSchema.shape.policy,
  entries: z.array(ChangelogEntrySchema),
});
/**
 * The whole history of a policy, newest first.
 *
 * @example const log: Changelog = buildChangelog(imrt);
 */
export type Changelog = z.infer<typeof ChangelogSchema>;

/**
 * Every revision of a policy, newest first, each diffed against the one it
 * replaces. Revisions that need no notice are listed too, marked as such.
 *
 * @example
 * buildChangelog(imrt).entries.map((e) => [e.revision, e.notice.required]);
 * // => [['2023-01-10', true], ['2021-03-02', true], ['2020-07-07', false], ...]
 */
export function buildChangelog(policy: LoadedPolicy): Changelog {
  const entries = [...policy.revisions].reverse().map((r) => {
    const { format: _f, policy: _p, ...notice } = buildNotice(policy, r.id);
    return notice;
  });
  return ChangelogSchema.parse({
    format: 'criteria-changelog/2',
    policy: {
      id: policy.id,
      title: policy.title,
      plan: policy.plan,
      planCites: [...policy.planProvenance.cites],
    },
    entries,
  });
}
