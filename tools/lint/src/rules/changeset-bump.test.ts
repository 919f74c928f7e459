import { describe, expect, it } from 'vitest';
import { lintFixture, of } from '../../test/fixture.js';

const changeset = (bump: string, summary: string) => ({
  packageName: '@test/widget',
  changesets: [
    { path: '.changeset/widget.md', text: `---\n'@test/widget': ${bump}\n---\n\n${summary}\n` },
  ],
});

describe('changeset-bump', () => {
  it('keeps: a revision that changes only its record shipped as a patch; changesets citing nothing', () => {
    // The fixture's revision 2021-05-01 without its named indication changes only its record.
    const report = lintFixture(
      (p) => {
        p.revisions[2].indications = p.revisions[1].indications;
      },
      { target: { ...changeset('patch', 'widget@2021-05-01: wording.'), lock: undefined } },
    );
    expect(of(report, 'changeset-bump')).toEqual([]);
    const none = lintFixture(() => {}, { target: changeset('major', 'An engine change.') });
    expect(of(none, 'changeset-bump')).toEqual([]);
  });

  it('keeps: an expansion shipped as a minor', () => {
    const report = lintFixture(
      (p) => {
        p.revisions[2].codes.push({ ...p.revisions[2].codes[0], code: '10009' });
      },
      { target: { ...changeset('minor', 'widget@2021-05-01: adds a code.'), lock: undefined } },
    );
    expect(of(report, 'changeset-bump')).toEqual([]);
  });

  it('breaks: the bump disagrees with the revision', () => {
    const report = lintFixture(
      (p) => {
        p.revisions[2].codes.push({ ...p.revisions[2].codes[0], code: '10009' });
      },
      { target: { ...changeset('patch', 'widget@2021-05-01: adds a code.'), lock: undefined } },
    );
    expect(of(report, 'changeset-bump')).toEqual([
      {
        rule: 'changeset-bump',
        severity: 'error',
        policy: 'widget',
        revision: '2021-05-01',
        field: '',
        path: 'revisions.2',
        message:
          'widget revision 2021-05-01: `.changeset/widget.md` bumps `@test/widget` `patch`, but the revision expands coverage compared with 2020-02-04, so the bump is `minor`',
        fix: 'Set `"@test/widget": minor` in the front matter of `.changeset/widget.md` (docs/notices.md, versioning rule).',
      },
    ]);
  });

  it('breaks: a changeset citing a revision the policy does not have', () => {
    const report = lintFixture(() => {}, {
      target: changeset('patch', 'widget@2021-05-02: typo.'),
    });
    expect(of(report, 'changeset-bump').map((f) => f.message)).toEqual([
      'widget revision 2021-05-02: `.changeset/widget.md` cites widget@2021-05-02, which is not a revision of the policy',
    ]);
  });
});
