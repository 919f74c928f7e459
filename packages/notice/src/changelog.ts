import { IsoDateSchema } from '@criteria/calendar';
import type { LoadedPolicy } from '@criteria/schema';
import { timeline } from '@criteria/temporal';
import { z } from 'zod';
import { buildNotice, ChangeNoticeSchema } from './notice.js';

/**
 * One revision in the changelog: its notice, and whether it ever governed a date of service.
 *
 * @example ChangelogEntrySchema.parse(buildChangelog(imrt).entries[0]).revision // => '2023-01-10'
 */
export const ChangelogEntrySchema = ChangeNoticeSchema.omit({ format: true, policy: true }).extend({
  /** Set when a later approval took effect on the same day, so this revision never governed. */
  supersededBeforeEffective: IsoDateSchema.nullable(),
});
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
  format: z.literal('criteria-changelog/1'),
  policy: z.object({ id: z.string(), title: z.string(), plan: z.string() }),
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
  const superseded = new Map(
    timeline(policy).flatMap((e) =>
      e.status === 'superseded-before-effective' ? [[e.revision.id, e.supersededBy.id]] : [],
    ),
  );
  const entries = [...policy.revisions].reverse().map((r) => {
    const { format: _f, policy: _p, ...notice } = buildNotice(policy, r.id);
    return { ...notice, supersededBeforeEffective: superseded.get(r.id) ?? null };
  });
  return ChangelogSchema.parse({
    format: 'criteria-changelog/1',
    policy: { id: policy.id, title: policy.title, plan: policy.plan },
    entries,
  });
}
