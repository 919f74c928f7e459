import { diffRevisions } from '@criteria/diff';
import type { LoadedRevision } from '@criteria/schema';
import type { RevisionView } from '../context.js';
import { defineRule } from '../rule.js';

const loaded = (r: RevisionView): LoadedRevision | undefined =>
  r.parsed === undefined || r.sha256 === undefined ? undefined : { ...r.parsed, sha256: r.sha256 };

export const restrictionRequiresNotice = defineRule({
  id: 'restriction-requires-notice',
  severity: 'error',
  title: 'A revision that restricts coverage requires notice',
  rationale:
    'Providers must be told in advance when coverage narrows (docs/readings.md, “Advance notice”). Each revision is diffed against the one before it with `@criteria/diff`; a change classified `restricts-coverage` (a code leaving scope, an indication removed or sent to medical director review, more documentation) needs `notice.required`.',
  fix: 'Set `notice` to `{ required: true, periodDays: 60, ... }` and keep `effectiveOn` at least 60 days after `approvedOn` (the `notice-period` rule checks it). If the change should not restrict coverage, correct the fact the message names instead.',
  *check(ctx) {
    for (const [i, r] of ctx.revisions.entries()) {
      const before = ctx.revisions[i - 1];
      if (before === undefined) continue;
      const from = loaded(before);
      const to = loaded(r);
      if (from === undefined || to === undefined || to.notice.required) continue;
      const restrictions = diffRevisions(from, to).changes.filter(
        (c) => c.impact === 'restricts-coverage',
      );
      if (restrictions.length === 0) continue;
      yield {
        revisionIndex: r.index,
        field: 'notice.required',
        message: `\`false\`, but the revision restricts coverage compared with ${before.label}: ${restrictions.map((c) => `${c.subject} (${c.rule})`).join(', ')}`,
      };
    }
  },
});
