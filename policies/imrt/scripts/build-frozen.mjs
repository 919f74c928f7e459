// After `tsc`: replaces dist/index.js with the policy validated, hashed and built now,
// as one frozen JSON text (@criteria/schema's frozenPolicyModule). Importing the built
// policy then validates and hashes nothing; the sources (src/index.ts, under the
// @criteria/source condition) still validate at import, so tests and authoring see edits.
import { readFileSync, writeFileSync } from 'node:fs';
import { definePolicy, frozenPolicyModule } from '@criteria/schema';
import input from '../dist/input.js';

const policy = definePolicy(input);
// The locks record the published hashes; lint fails on any difference. Say so here too.
const lock = JSON.parse(readFileSync(new URL('../revisions.lock.json', import.meta.url), 'utf8'));
for (const r of policy.revisions) {
  const locked = lock.revisions[r.id];
  if (locked !== undefined && locked !== r.sha256)
    process.stderr.write(
      `build: revision ${r.id} hashes ${r.sha256}, its lock says ${locked} (criteria lint will fail)\n`,
    );
}
const extra = `
/** The source document's path relative to the package root. */
export const sourceDocumentPath = new URL('../source/imrt-clinical-review-criteria.txt', import.meta.url);
`;
writeFileSync(
  new URL('../dist/index.js', import.meta.url),
  frozenPolicyModule(policy, { name: 'imrt', extra }),
);
