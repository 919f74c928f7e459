/**
 * Prints plain data (objects, arrays, strings, numbers, booleans, null) as a
 * TypeScript literal laid out the way biome formats it (single quotes unless
 * the text has more single than double quotes, one line when it fits, a
 * property broken after its colon when the line is too long), so a scaffolded
 * module passes `biome check` as written.
 */

const WIDTH = 100;
const INDENT = '  ';
/** Keys narrower than this never break after the colon (biome/prettier: tab width + 3). */
const SHORT_KEY = 2 + 3;

export const quote = (text: string): string => {
  const singles = (text.match(/'/g) ?? []).length;
  const doubles = (text.match(/"/g) ?? []).length;
  const q = singles > doubles ? '"' : "'";
  const body = text
    .replace(/\\/g, '\\\\')
    .replace(new RegExp(q, 'g'), `\\${q}`)
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t');
  return `${q}${body}${q}`;
};

const key = (k: string): string => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : quote(k));

const isPrimitive = (v: unknown): boolean => v === null || typeof v !== 'object';

const primitive = (v: unknown): string => {
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  throw new TypeError(`cannot print ${typeof v} as a literal`);
};

/**
 * The one-line form of `value`, or null when biome would always break it: an
 * array of two or more objects (or arrays) that each have more than one entry.
 */
const flat = (value: unknown): string | null => {
  if (isPrimitive(value)) return primitive(value);
  if (Array.isArray(value)) {
    const many = (v: unknown) =>
      v !== null && typeof v === 'object' && Object.keys(v as object).length > 1;
    if (value.length > 1 && value.every(many)) return null;
    const items = value.map(flat);
    return items.includes(null) ? null : `[${items.join(', ')}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(
    ([, v]) => v !== undefined,
  );
  if (entries.length === 0) return '{}';
  const items = entries.map(([k, v]) => {
    const f = flat(v);
    return f === null ? null : `${key(k)}: ${f}`;
  });
  return items.includes(null) ? null : `{ ${items.join(', ')} }`;
};

/**
 * The literal for `value`, its first line starting at column `prefixWidth` at
 * nesting `depth`, followed by `suffix` (`,` or `);`). One line when it fits.
 */
export function printLiteral(value: unknown, depth = 0, prefixWidth = 0, suffix = ''): string {
  const pad = INDENT.repeat(depth);
  const inner = INDENT.repeat(depth + 1);
  if (isPrimitive(value)) return primitive(value);
  const oneLine = flat(value);
  if (oneLine !== null && prefixWidth + oneLine.length + suffix.length <= WIDTH) return oneLine;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((v) => `${inner}${printLiteral(v, depth + 1, inner.length, ',')},`);
    return `[\n${items.join('\n')}\n${pad}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(
    ([, v]) => v !== undefined,
  );
  const lines = entries.map(([k, v]) => {
    const head = `${inner}${key(k)}: `;
    const printed = printLiteral(v, depth + 1, head.length, ',');
    if (
      typeof v === 'string' &&
      key(k).length >= SHORT_KEY &&
      head.length + printed.length + 1 > WIDTH
    )
      return `${inner}${key(k)}:\n${inner}${INDENT}${printed},`;
    return `${head}${printed},`;
  });
  return `{\n${lines.join('\n')}\n${pad}}`;
}
