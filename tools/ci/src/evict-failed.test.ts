import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { evictFailed } from './evict-failed.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const cacheWith = (...files: string[]) => {
  const dir = mkdtempSync(join(tmpdir(), 'turbo-cache-'));
  dirs.push(dir);
  for (const f of files) writeFileSync(join(dir, f), '');
  return dir;
};

describe('evictFailed', () => {
  it('removes the cached pass of a task that just failed, and nothing else', () => {
    const dir = cacheWith('aaa.tar.zst', 'aaa-meta.json', 'bbb.tar.zst', 'bbb-meta.json');
    const evicted = evictFailed(
      {
        tasks: [
          { taskId: '//#test:vitest', hash: 'aaa', execution: { exitCode: 1 } },
          { taskId: '//#test:types', hash: 'bbb', execution: { exitCode: 0 } },
        ],
      },
      dir,
    );
    expect(evicted).toEqual([
      { taskId: '//#test:vitest', hash: 'aaa', removed: ['aaa-meta.json', 'aaa.tar.zst'] },
    ]);
    expect(readdirSync(dir).sort()).toEqual(['bbb-meta.json', 'bbb.tar.zst']);
  });

  it('treats a task that never finished (interrupted, no exit code) as failed', () => {
    const dir = cacheWith('ccc.tar.zst');
    const evicted = evictFailed({ tasks: [{ taskId: 't', hash: 'ccc', execution: null }] }, dir);
    expect(evicted.map((e) => e.removed)).toEqual([['ccc.tar.zst']]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('does nothing when every task passed, or when there is no cache yet', () => {
    const dir = cacheWith('ddd.tar.zst');
    expect(
      evictFailed({ tasks: [{ taskId: 't', hash: 'ddd', execution: { exitCode: 0 } }] }, dir),
    ).toEqual([]);
    expect(readdirSync(dir)).toEqual(['ddd.tar.zst']);
    expect(
      evictFailed(
        { tasks: [{ taskId: 't', hash: 'eee', execution: { exitCode: 2 } }] },
        join(dir, 'none'),
      ),
    ).toEqual([{ taskId: 't', hash: 'eee', removed: [] }]);
  });
});
