import { describe, expect, it } from 'vitest';
import { lintTiny, of } from '../../test/tiny-policy.js';

const changeset = (bump: string, summary: string) => ({
  packageName: '@test/tiny',
  changesets: [
    { path: '.changeset/tiny.md', text: `---\n'@test/tiny': ${bump}\n---\n\n${summary}\n` },
  ],
});

describe('changeset-bump', () => {
  it('keeps: an administrative revision shipped as a patch; changesets citing nothing', () => {
    const report = lintTiny(() => {}, { target: changeset('patch', 'tiny@2024-03-01: wording.') });
    expect(of(report, 'changeset-bump')).toEqual([]);
    const none = lintTiny(() => {}, { target: changeset('major', 'An engine change.') });
    expect(of(none, 'changeset-bump')).toEqual([]);
  });

  it('keeps: an expansion shipped as a minor', () => {
    const report = lintTiny(
      (p) => {
        p.revisions[1].codes.push({ ...p.revisions[1].codes[0], code: '77386' });
      },
      { target: { ...changeset('minor', 'tiny@2024-03-01: adds a code.'), lock: undefined } },
    );
    expect(of(report, 'changeset-bump')).toEqual([]);
  });

  it('breaks: the bump disagrees with the revision', () => {
    const report = lintTiny(
      (p) => {
        p.revisions[1].codes.push({ ...p.revisions[1].codes[0], code: '77386' });
      },
      { target: { ...changeset('patch', 'tiny@2024-03-01: adds a code.'), lock: undefined } },
    );
    expect(of(report, 'changeset-bump')).toEqual([
      {
        rule: 'changeset-bump',
        severity: 'error',
        policy: 'tiny',
        revision: '2024-03-01',
        field: '',
        path: 'revisions.1',
        message:
          'tiny revision 2024-03-01: `.changeset/tiny.md` bumps `@test/tiny` `patch`, but the revision expands coverage compared with 2024-01-10, so the bump is `minor`',
        fix: 'Set `"@test/tiny": minor` in the front matter of `.changeset/tiny.md` (docs/notices.md, versioning rule).',
      },
    ]);
  });

  it('breaks: a changeset citing a revision the policy does not have', () => {
    const report = lintTiny(() => {}, { target: changeset('patch', 'tiny@2024-03-02: typo.') });
    expect(of(report, 'changeset-bump').map((f) => f.message)).toEqual([
      'tiny revision 2024-03-02: `.changeset/tiny.md` cites tiny@2024-03-02, which is not a revision of the policy',
    ]);
  });
});
