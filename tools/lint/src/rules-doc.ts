import type { Rule } from './rule.js';
import { rules as allRules } from './rules/index.js';

/** A Markdown table with padded columns, as biome formats it. */
const table = (header: string[], rows: string[][]): string[] => {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
};

/**
 * docs/lint-rules.md, generated from the rules' metadata (`pnpm generate:lint-docs`);
 * a test keeps the committed file equal to this.
 *
 * @example writeFileSync('docs/lint-rules.md', renderRulesDoc());
 */
export function renderRulesDoc(rules: readonly Rule[] = allRules): string {
  const out = [
    '# Lint rules',
    '',
    '<!-- Generated from tools/lint/src/rules by `pnpm generate:lint-docs`. Do not edit: a test checks this file is fresh. -->',
    '',
    '`pnpm -s criteria lint [policy] [--json] [--update-lock]` checks every policy (or one).',
    'Each finding names its rule id, the policy, the revision and the field, and says how to fix it.',
    'Exit status: 1 when any error is found, 0 with warnings only, 2 on a usage error.',
    '`--update-lock` records each revision not yet in `policies/<policy>/revisions.lock.json`',
    '(when lint finds no error in it) and never rewrites an existing entry.',
    "See [authoring.md](authoring.md) for the analyst's workflow.",
    '',
    ...table(
      ['rule', 'severity', 'checks'],
      rules.map((r) => [`[\`${r.id}\`](#${r.id})`, r.severity, r.title]),
    ),
    '',
  ];
  for (const r of rules)
    out.push(
      `## ${r.id}`,
      '',
      `**${r.severity}**: ${r.title}.`,
      '',
      r.rationale,
      '',
      `**Fix.** ${r.fix}`,
      '',
    );
  return `${out.join('\n').trimEnd()}\n`;
}
