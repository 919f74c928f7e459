import { describe, expect, it } from 'vitest';
import { lintFixture, of } from '../../test/fixture.js';

describe('published-immutable', () => {
  it('keeps: the locked revisions are unchanged', () => {
    expect(of(lintFixture(), 'published-immutable')).toEqual([]);
  });

  it('keeps: adding a new revision after the published ones', () => {
    const report = lintFixture((p) => {
      p.revisions.push({
        ...structuredClone(p.revisions[3]),
        id: '2022-09-06',
        approvedOn: '2022-09-06',
        effectiveOn: '2022-12-01',
      });
    });
    expect(of(report, 'published-immutable')).toEqual([]);
  });

  it('breaks: an edit to a published revision', () => {
    const report = lintFixture((p) => {
      p.revisions[3].codes[0].label = 'Edited label';
    });
    expect(of(report, 'published-immutable')).toEqual([
      expect.objectContaining({
        severity: 'error',
        revision: '2022-03-02',
        path: 'revisions.3',
        message: expect.stringMatching(
          /^widget revision 2022-03-02: content hash `[0-9a-f]{12}…` differs from the published `[0-9a-f]{12}…` recorded in the lock: the published revision was edited$/,
        ),
      }),
    ]);
  });

  it('breaks: a published revision removed', () => {
    const report = lintFixture((p) => {
      p.revisions.pop();
    });
    expect(of(report, 'published-immutable').map((f) => [f.revision, f.message])).toEqual([
      [
        '2022-03-02',
        'widget revision 2022-03-02: published (recorded in `policies/widget/revisions.lock.json`) but no longer in the policy',
      ],
    ]);
  });

  it('breaks: an unreadable lock or one of another policy', () => {
    const invalid = lintFixture(() => {}, {
      target: {
        lock: { status: 'invalid', path: 'policies/widget/revisions.lock.json', error: 'not JSON' },
      },
    });
    expect(of(invalid, 'published-immutable').map((f) => f.message)).toEqual([
      'widget, revisions.lock.json: `policies/widget/revisions.lock.json` cannot be read: not JSON',
    ]);
    const other = lintFixture(() => {}, {
      target: { lock: { status: 'ok', path: 'x', lock: { policy: 'other', revisions: {} } } },
    });
    expect(of(other, 'published-immutable').map((f) => f.message)).toEqual([
      "widget, revisions.lock.json.policy: `other` is not this policy's id `widget`",
    ]);
  });
});
