import { describe, expect, it } from 'vitest';
import { lintTiny, of } from '../../test/tiny-policy.js';

describe('published-immutable', () => {
  it('keeps: the locked revisions are unchanged', () => {
    expect(of(lintTiny(), 'published-immutable')).toEqual([]);
  });

  it('keeps: adding a new revision after the published ones', () => {
    const report = lintTiny((p) => {
      p.revisions.push({
        ...structuredClone(p.revisions[1]),
        id: '2024-09-03',
        approvedOn: '2024-09-03',
        effectiveOn: '2024-12-01',
      });
    });
    expect(of(report, 'published-immutable')).toEqual([]);
  });

  it('breaks: an edit to a published revision', () => {
    const report = lintTiny((p) => {
      p.revisions[1].codes[0].label = 'Edited label';
    });
    expect(of(report, 'published-immutable')).toEqual([
      expect.objectContaining({
        severity: 'error',
        revision: '2024-03-01',
        path: 'revisions.1',
        message: expect.stringMatching(
          /^tiny revision 2024-03-01: content hash `[0-9a-f]{12}…` differs from the published `[0-9a-f]{12}…` recorded in the lock: the published revision was edited$/,
        ),
      }),
    ]);
  });

  it('breaks: a published revision removed', () => {
    const report = lintTiny((p) => {
      p.revisions.pop();
    });
    expect(of(report, 'published-immutable').map((f) => [f.revision, f.message])).toEqual([
      [
        '2024-03-01',
        'tiny revision 2024-03-01: published (recorded in `policies/tiny/revisions.lock.json`) but no longer in the policy',
      ],
    ]);
  });

  it('breaks: an unreadable lock or one of another policy', () => {
    const invalid = lintTiny(() => {}, {
      target: {
        lock: { status: 'invalid', path: 'policies/tiny/revisions.lock.json', error: 'not JSON' },
      },
    });
    expect(of(invalid, 'published-immutable').map((f) => f.message)).toEqual([
      'tiny, revisions.lock.json: `policies/tiny/revisions.lock.json` cannot be read: not JSON',
    ]);
    const other = lintTiny(() => {}, {
      target: { lock: { status: 'ok', path: 'x', lock: { policy: 'other', revisions: {} } } },
    });
    expect(of(other, 'published-immutable').map((f) => f.message)).toEqual([
      "tiny, revisions.lock.json.policy: `other` is not this policy's id `tiny`",
    ]);
  });
});
