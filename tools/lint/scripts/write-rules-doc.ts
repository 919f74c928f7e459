/** Writes docs/lint-rules.md from the rules' metadata (`pnpm generate:lint-docs`). */
import { writeFileSync } from 'node:fs';
import { renderRulesDoc } from '../src/rules-doc.js';

const target = new URL('../../../docs/lint-rules.md', import.meta.url);
writeFileSync(target, renderRulesDoc());
