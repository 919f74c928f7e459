import { err, type FieldIssue, formatIssue, type Result } from '@criteria/errors';
import type { LoadedPolicy } from '@criteria/schema';
import type { Determination } from './determination.js';
import { type EvaluateOptions, safeEvaluate } from './evaluate.js';

/**
 * Parses a request's JSON text and evaluates it against the policy it names,
 * taken from `policies` (by id). Never throws: text that is not JSON, a policy
 * that is not there and an invalid request are all field issues.
 *
 * @example
 * const r = evaluateJson(body, new Map([[imrt.id, imrt]]));
 * if (!r.ok) return reply(400, { issues: r.issues });
 */
export function evaluateJson(
  text: string,
  policies: ReadonlyMap<string, LoadedPolicy>,
  options: EvaluateOptions = {},
): Result<Determination, FieldIssue> {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (e) {
    return err([
      {
        path: '',
        value: undefined,
        expected: 'JSON',
        message: `request: not valid JSON (${(e as Error).message})`,
      },
    ]);
  }
  const id = (input as { policy?: unknown } | null)?.policy;
  const policy = typeof id === 'string' ? policies.get(id) : undefined;
  if (policy === undefined)
    return err([
      formatIssue('policy', id, `a known policy (known: ${[...policies.keys()].join(', ')})`),
    ]);
  return safeEvaluate(policy, input, options);
}
