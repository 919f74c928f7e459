/**
 * Reading raw policy data, which may be any shape: lint must report a broken
 * policy, never throw on it.
 */

export type Path = readonly (string | number)[];

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The field of `value` if it is a record, else undefined. */
export const field = (value: unknown, key: string): unknown =>
  isRecord(value) ? value[key] : undefined;

/** The string at `key`, or undefined. */
export const stringField = (value: unknown, key: string): string | undefined => {
  const v = field(value, key);
  return typeof v === 'string' ? v : undefined;
};

/** Keys whose value is a provenance ({ cites, reading }) wherever they appear. */
const isProvenanceKey = (key: string): boolean =>
  /(?:^p|P)rovenance$/.test(key) || key === 'silence';

/** Every provenance object in `value`, with its path (depth first, in document order). */
export function* provenances(
  value: unknown,
  path: Path = [],
): Generator<{ path: Path; value: unknown }> {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) yield* provenances(v, [...path, i]);
    return;
  }
  if (!isRecord(value)) return;
  for (const [key, v] of Object.entries(value)) {
    if (isProvenanceKey(key)) yield { path: [...path, key], value: v };
    else yield* provenances(v, [...path, key]);
  }
}

/** Where a path from the policy root points: a revision's field, or a policy field. */
export function locate(path: Path): { revisionIndex?: number; field: string } {
  if (path[0] === 'revisions' && typeof path[1] === 'number')
    return { revisionIndex: path[1], field: path.slice(2).join('.') };
  return { field: path.join('.') };
}

/** A value for a message: in backticks, shortened. */
export const show = (value: unknown): string => {
  let text: string;
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return `\`${text.length > 60 ? `${text.slice(0, 57)}...` : text}\``;
};
