/**
 * `pnpm generate:policy-meta`: writes each registered policy package's
 * `src/meta.ts` from its validated policy, formatted by the repository's biome.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageDir, policies, policyMeta } from '@criteria/registry';
import { renderPolicyMetaModule } from './policy-meta-module.js';
import { root } from './workspace.js';

const written: string[] = [];
for (const entry of policies.entries) {
  const file = join(packageDir(entry.packageName), 'src', 'meta.ts');
  writeFileSync(file, renderPolicyMetaModule(await policyMeta(await entry.load())));
  written.push(file);
}
execFileSync(join(root, 'node_modules', '.bin', 'biome'), ['format', '--write', ...written], {
  cwd: root,
  stdio: 'ignore',
});
for (const file of written) process.stdout.write(`wrote ${file}\n`);
