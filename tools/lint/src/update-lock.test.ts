import { fixtureSource } from '@criteria/fixture-policy';
import { describe, expect, it } from 'vitest';
import { fixture, lintFixture, lockOf, TODAY } from '../test/fixture.js';
import { lintPolicy } from './lint-policy.js';
import { parseLockFile, serializeLockFile } from './lock-file.js';
import { updateLock } from './update-lock.js';

const target = (input: unknown, lock = lockOf(fixture())) => ({
  input,
  source: { path: 'source.txt', text: fixtureSource },
  lock,
});

describe('updateLock', () => {
  it('records a new revision and keeps every existing entry as it is', () => {
    const input = fixture();
    input.revisions.push({
      ...structuredClone(input.revisions[3]),
      id: '2022-09-06',
      approvedOn: '2022-09-06',
      effectiveOn: '2022-12-01',
    });
    const t = target(input);
    const update = updateLock(t, lintPolicy(t, { today: TODAY }), TODAY);
    expect(update?.added).toEqual(['2022-09-06']);
    expect(update?.skipped).toEqual([]);
    const before = t.lock.status === 'ok' ? t.lock.lock.revisions : {};
    expect(update?.lock.revisions).toEqual({ ...before, '2022-09-06': expect.any(String) });
  });

  it('never rewrites an entry, even when the published revision changed', () => {
    const input = fixture();
    input.revisions[3].summary = 'Edited after publication.';
    const t = target(input);
    const report = lintPolicy(t, { today: TODAY });
    expect(report.findings.map((f) => f.rule)).toEqual(['published-immutable']);
    const update = updateLock(t, report, TODAY);
    expect(update?.added).toEqual([]);
    expect(update?.lock.revisions).toEqual(t.lock.status === 'ok' && t.lock.lock.revisions);
  });

  it('leaves out a new revision lint finds errors in, saying why', () => {
    const input = fixture();
    input.revisions.push({
      ...structuredClone(input.revisions[3]),
      id: '2022-09-06',
      approvedOn: '2022-09-06',
      effectiveOn: '2022-09-07',
    });
    const t = target(input);
    const update = updateLock(t, lintPolicy(t, { today: TODAY }), TODAY);
    expect(update?.added).toEqual([]);
    expect(update?.skipped).toEqual([
      { revision: '2022-09-06', reason: 'lint found 1 error in it (notice-period)' },
    ]);
  });

  it('starts a lock when there is none, and refuses an unreadable one', () => {
    const absent = target(fixture(), { status: 'absent', path: 'x' } as never);
    expect(updateLock(absent, lintPolicy(absent, { today: TODAY }), TODAY)?.added).toEqual(
      fixture().revisions.map((r: { id: string }) => r.id),
    );
    const invalid = target(fixture(), {
      status: 'invalid',
      path: 'x',
      error: 'not JSON',
    } as never);
    expect(updateLock(invalid, lintPolicy(invalid, { today: TODAY }), TODAY)).toBeNull();
  });
});

describe('the lock file', () => {
  it('round-trips, entries sorted by revision id', () => {
    const lock = { policy: 'widget', revisions: { b: 'b'.repeat(64), a: 'a'.repeat(64) } };
    const text = serializeLockFile(lock);
    expect(Object.keys(JSON.parse(text).revisions)).toEqual(['a', 'b']);
    expect(parseLockFile(text)).toEqual({
      ok: true,
      value: { ...lock, $comment: expect.any(String) },
    });
  });

  it('reports what is wrong with a bad one', () => {
    expect(parseLockFile('{')).toMatchObject({
      ok: false,
      issues: [expect.stringMatching(/^not JSON/)],
    });
    expect(parseLockFile('{"policy":"widget","revisions":{"2024-01-10":"abc"}}')).toEqual({
      ok: false,
      issues: ['revisions.2024-01-10: expected a sha256 (hex)'],
    });
  });

  it('the fixture policy lints clean', () => {
    expect(lintFixture().findings).toEqual([]);
  });
});
