import { LOCK_FILE } from '../lock-file.js';
import { defineRule } from '../rule.js';

export const revisionUnlocked = defineRule({
  id: 'revision-unlocked',
  severity: 'warning',
  title: 'Every revision is recorded in the lock file',
  rationale: `A revision becomes published when its hash is recorded in \`${LOCK_FILE}\`; until then it can still be edited and nothing protects it. CI regenerates the lock and fails on a difference, so a pull request must carry the entry.`,
  fix: 'When the revision is final, run `pnpm -s criteria lint <policy> --update-lock` and commit the lock file with the revision.',
  *check(ctx) {
    const lock = ctx.lock;
    if (lock === undefined || lock.status === 'invalid') return;
    const recorded = lock.status === 'ok' ? lock.lock.revisions : {};
    for (const r of ctx.revisions)
      if (!Object.hasOwn(recorded, r.label))
        yield {
          revisionIndex: r.index,
          field: '',
          message: `not recorded in \`${lock.path}\` yet: it is not published`,
          fix: `When the revision is final, run \`pnpm -s criteria lint ${ctx.policyId} --update-lock\` and commit \`${lock.path}\` with the revision.`,
        };
  },
});
