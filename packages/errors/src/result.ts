/**
 * The outcome of parsing or validating something a user wrote: never a throw.
 *
 * @example
 * const r = parseIsoDate('2021-02-30');
 * if (!r.ok) console.error(r.issues[0].message);
 */
export type Result<T, E = never> = { ok: true; value: T } | { ok: false; issues: E[] };

/** A successful {@link Result}. */
export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

/** A failed {@link Result} carrying one or more issues. */
export const err = <E>(issues: E[]): { ok: false; issues: E[] } => ({ ok: false, issues });
