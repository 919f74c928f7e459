import { err, type FieldIssue, formatIssue, ok, type Result } from '@criteria/errors';

const CODE = /^(?:\d{5}|\d{4}[FTU]|[A-Z]\d{4})$/;

/**
 * The longest descriptors file read, in characters: room for every CPT and HCPCS
 * code with a long descriptor (20,000 codes × 500 characters). A longer input is
 * not a descriptors file, and is refused before it is held in memory.
 */
export const MAX_DESCRIPTORS_LENGTH = 10_000_000;

/**
 * Reads official code descriptors from a licensed deployment's file (CPT
 * descriptors are AMA-licensed and never stored in this repository). One code
 * per line: `CODE<TAB>descriptor`; blank lines and lines starting with `#` are
 * skipped. Never throws: every bad line is an issue naming the line.
 *
 * @example
 * const r = parseDescriptors(readFileSync('cpt-descriptors.tsv', 'utf8'));
 * if (r.ok) r.value.get('77385'); // the licensed descriptor
 */
export function parseDescriptors(text: string): Result<ReadonlyMap<string, string>, FieldIssue> {
  const map = new Map<string, string>();
  const issues: FieldIssue[] = [];
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('#')) continue;
    const tab = line.indexOf('\t');
    const code = tab === -1 ? line.trim() : line.slice(0, tab).trim();
    const descriptor = tab === -1 ? '' : line.slice(tab + 1).trim();
    const path = `line ${i + 1}`;
    if (!CODE.test(code))
      issues.push(
        formatIssue(path, code, 'a CPT or HCPCS code followed by a tab and its descriptor'),
      );
    else if (descriptor === '')
      issues.push(formatIssue(path, line, 'a code, a tab and a descriptor'));
    else if (map.has(code)) issues.push(formatIssue(path, code, 'a code listed once (it repeats)'));
    else map.set(code, descriptor);
  }
  return issues.length > 0 ? err(issues) : ok(map);
}
