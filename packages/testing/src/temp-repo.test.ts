import { existsSync, lstatSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempRepo, workspaceRoot } from './temp-repo.js';

describe('tempRepo', () => {
  it('copies only the paths asked for, links node_modules, and snapshots the files', () => {
    const repo = tempRepo({ only: ['package.json', 'packages/testing/src'] });
    try {
      expect(repo.dir).not.toBe(workspaceRoot);
      const files = repo.files();
      expect(Object.keys(files)).toContain('packages/testing/src/temp-repo.ts');
      expect(
        Object.keys(files).every(
          (f) => f === 'package.json' || f.startsWith('packages/testing/src/'),
        ),
      ).toBe(true);
      expect(files['package.json']).toBe(readFileSync(join(workspaceRoot, 'package.json'), 'utf8'));
      expect(lstatSync(repo.path('node_modules')).isSymbolicLink()).toBe(true);
      expect(existsSync(repo.path('packages/testing/node_modules'))).toBe(true);
      expect(existsSync(repo.path('packages/diff'))).toBe(false);

      writeFileSync(repo.path('new.txt'), 'written');
      expect(repo.files()).toEqual({ ...files, 'new.txt': 'written' });
      expect(existsSync(join(workspaceRoot, 'new.txt'))).toBe(false);
    } finally {
      repo.remove();
    }
    expect(existsSync(repo.dir)).toBe(false);
  });

  it('relinks: workspace packages resolve into the copy; git: everything committed', () => {
    const repo = tempRepo({
      only: ['package.json', 'packages/testing'],
      modules: 'relink',
      git: true,
    });
    try {
      expect(lstatSync(repo.path('node_modules')).isSymbolicLink()).toBe(false);
      expect(lstatSync(repo.path('node_modules/vitest')).isSymbolicLink()).toBe(true);
      expect(existsSync(repo.path('.git'))).toBe(true);
      expect(Object.keys(repo.files())).not.toContain('.git/HEAD');
    } finally {
      repo.remove();
    }
  });
});
