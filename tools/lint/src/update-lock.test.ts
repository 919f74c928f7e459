import { describe, expect, it } from 'vitest';
import { lintTiny, lockOf, TODAY, tinyPolicy, tinySource } from '../test/tiny-policy.js';
import { lintPolicy } from './lint-policy.js';
import { parseLockFile, serializeLockFile } from './lock-file.js';
import { updateLock } from './update-lock.js';

const target = (input: unknown, lock = lockOf(tinyPolicy())) => ({
  input,
  source: { path: 'source.txt', text: tinySource },
  lock,
});

describe('updateLock', () => {
  it('records a new revision and keeps every existing entry as it is', () => {
    const input = tinyPolicy();
    input.revisions.push({
      ...structuredClone(input.revisions[1]),
      id: '2024-09-03',
      approvedOn: '2024-09-03',
      effectiveOn: '2024-12-01',
    });
    const t = target(input);
    const update = updateLock(t, lintPolicy(t, { today: TODAY }), TODAY);
    expect(update?.added).toEqual(['2024-09-03']);
    expect(update?.skipped).toEqual([]);
    const before = t.lock.status === 'ok' ? t.lock.lock.revisions : {};
    expect(update?.lock.revisions).toEqual({ ...before, '2024-09-03': expect.any(String) });
  });

  it('never rewrites an entry, even when the published revision changed', () => {
    const input = tinyPolicy();
    input.revisions[1].summary = 'Edited after publication.';
    const t = target(input);
    const report = lintPolicy(t, { today: TODAY });
    expect(report.findings.map((f) => f.rule)).toEqual(['published-immutable']);
    const update = updateLock(t, report, TODAY);
    expect(update?.added).toEqual([]);
    expect(update?.lock.revisions).toEqual(t.lock.status === 'ok' && t.lock.lock.revisions);
  });

  it('leaves out a new revision lint finds errors in, saying why', () => {
    const input = tinyPolicy();
    input.revisions.push({
      ...structuredClone(input.revisions[1]),
      id: '2024-09-03',
      approvedOn: '2024-09-03',
      effectiveOn: '2024-09-04',
    });
    const t = target(input);
    const update = updateLock(t, lintPolicy(t, { today: TODAY }), TODAY);
    expect(update?.added).toEqual([]);
    expect(update?.skipped).toEqual([
      { revision: '2024-09-03', reason: 'lint found 1 error in it (notice-period)' },
    ]);
  });

  it('starts a lock when there is none, and refuses an unreadable one', () => {
    const absent = target(tinyPolicy(), { status: 'absent', path: 'x' } as never);
    expect(updateLock(absent, lintPolicy(absent, { today: TODAY }), TODAY)?.added).toEqual([
      '2024-01-10',
      '2024-03-01',
    ]);
    const invalid = target(tinyPolicy(), {
      status: 'invalid',
      path: 'x',
      error: 'not JSON',
    } as never);
    expect(updateLock(invalid, lintPolicy(invalid, { today: TODAY }), TODAY)).toBeNull();
  });
});

describe('the lock file', () => {
  it('round-trips, entries sorted by revision id', () => {
    const lock = { policy: 'tiny', revisions: { b: 'b'.repeat(64), a: 'a'.repeat(64) } };
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
    expect(parseLockFile('{"policy":"tiny","revisions":{"2024-01-10":"abc"}}')).toEqual({
      ok: false,
      issues: ['revisions.2024-01-10: expected a sha256 (hex)'],
    });
  });

  it('the tiny fixture lints clean', () => {
    expect(lintTiny().findings).toEqual([]);
  });
});
