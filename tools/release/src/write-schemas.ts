/** `pnpm generate:schemas`: writes the published contract's JSON Schemas to `schemas/`. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contractSchemas, schemaText } from './json-schemas.js';
import { root } from './workspace.js';

const dir = join(root, 'schemas');
mkdirSync(dir, { recursive: true });
for (const s of contractSchemas()) {
  writeFileSync(join(dir, s.file), schemaText(s));
  process.stdout.write(`wrote schemas/${s.file} (from ${s.from})\n`);
}
