import { LOCK_FILE } from '../lock-file.js';
import { defineRule } from '../rule.js';

export const publishedImmutable = defineRule({
  id: 'published-immutable',
  severity: 'error',
  title: 'A published revision never changes',
  rationale: `\`${LOCK_FILE}\` beside the policy records the sha256 of every published revision's content (docs/readings.md, “Published revisions”). Determinations name the revision and its hash, so a published revision that changed would make past determinations unverifiable.`,
  fix: 'Undo the edit to the published revision (and to any shared fact it imports), and put the change in a new revision: `pnpm new-revision <policy>`. Never edit or delete an entry of the lock file.',
  *check(ctx) {
    const fix = `Undo the edit to the published revision (and to any shared fact it imports), and put the change in a new revision: \`pnpm new-revision ${ctx.policyId}\`. Never edit or delete an entry of the lock file.`;
    const lock = ctx.lock;
    if (lock === undefined || lock.status === 'absent') return;
    if (lock.status === 'invalid') {
      yield {
        field: LOCK_FILE,
        message: `\`${lock.path}\` cannot be read: ${lock.error}`,
        fix: `Restore \`${LOCK_FILE}\` from version control (\`git checkout -- ${lock.path}\`); it is written only by \`criteria lint --update-lock\`.`,
      };
      return;
    }
    if (lock.lock.policy !== ctx.policyId)
      yield {
        field: `${LOCK_FILE}.policy`,
        message: `\`${lock.lock.policy}\` is not this policy's id \`${ctx.policyId}\``,
        fix: `Restore \`${LOCK_FILE}\` from version control: it belongs to another policy.`,
      };
    for (const [id, recorded] of Object.entries(lock.lock.revisions)) {
      const matches = ctx.revisions.filter((r) => r.label === id);
      const r = matches[0];
      if (r === undefined) {
        yield {
          revision: id,
          field: '',
          message: `published (recorded in \`${lock.path}\`) but no longer in the policy`,
          fix: `Restore the module of revision ${id} and its entry in the policy's revisions; a published revision is never removed (a later revision supersedes it).`,
        };
        continue;
      }
      if (r.sha256 === undefined)
        yield {
          revisionIndex: r.index,
          field: '',
          message: `the published revision no longer validates, so its content differs from the lock (sha256 \`${recorded.slice(0, 12)}…\`)`,
          fix,
        };
      else if (r.sha256 !== recorded)
        yield {
          revisionIndex: r.index,
          field: '',
          message: `content hash \`${r.sha256.slice(0, 12)}…\` differs from the published \`${recorded.slice(0, 12)}…\` recorded in the lock: the published revision was edited`,
          fix,
        };
    }
  },
});
