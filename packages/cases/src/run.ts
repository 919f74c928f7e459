import { type Determination, safeEvaluate } from '@criteria/evaluator';
import type { LoadedPolicy } from '@criteria/schema';
import type { Expectation, PolicyCase } from './case-file.js';

/**
 * Evaluates a case and returns `{ actual, expected }` restricted to the fields
 * the case names, ready for `expect(actual).toEqual(expected)`.
 */
export function runCase(
  policy: LoadedPolicy,
  c: PolicyCase,
): { actual: Record<string, unknown>; expected: Record<string, unknown> } {
  const result = safeEvaluate(policy, c.request);
  if (!result.ok)
    return { actual: { invalid: result.issues.map((i) => i.message) }, expected: { ...c.expect } };
  return { actual: project(result.value, c.expect), expected: { ...c.expect } };
}

function project(d: Determination, e: Expectation): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (e.route !== undefined) out.route = d.route;
  if (e.revision !== undefined) out.revision = d.revision?.id ?? null;
  if (e.codes !== undefined)
    out.codes = Object.fromEntries(
      Object.keys(e.codes).map((k) => [
        k,
        k === 'deleted' ? d.codes.deleted.map((x) => x.code) : d.codes[k as 'inScope'],
      ]),
    );
  if (e.indications !== undefined)
    out.indications = d.indications.map((i) => ({ id: i.id, route: i.route }));
  if (e.flags !== undefined) out.flags = d.flags.map((f) => `${f.flag}:${f.subject}`);
  if (e.edition !== undefined) out.edition = d.readings?.edition ?? null;
  if (e.indication !== undefined)
    out.indication =
      e.indication === null || d.indication === null
        ? d.indication
        : Object.fromEntries(
            Object.keys(e.indication).map((k) => [
              k,
              k === 'conflict' ? d.indication?.conflict !== null : d.indication?.[k as 'id'],
            ]),
          );
  if (e.documentation !== undefined)
    out.documentation = Object.fromEntries(
      Object.keys(e.documentation).map((k) => [
        k,
        k === 'ignored'
          ? d.documentation.ignored.map((x) => x.index)
          : d.documentation[k as 'complete'],
      ]),
    );
  if (e.criteria !== undefined)
    out.criteria = d.criteria.map((c, i) =>
      typeof e.criteria?.[i] === 'object'
        ? { id: c.id, status: c.status, applied: c.applied }
        : c.id,
    );
  if (e.reasons !== undefined) {
    const rules = new Set(d.reasons.map((r) => r.rule));
    out.reasons = e.reasons.map((r) => (rules.has(r) ? r : `missing reason ${r}`));
  }
  return out;
}
