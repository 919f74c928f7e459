import { escapeControl, type FieldIssue, type Result } from '@criteria/errors';
import type { LoadedPolicy } from '@criteria/schema/core';
import type { Determination } from './determination.js';
import { type EvaluateOptions, safeEvaluateIn } from './evaluate.js';

/**
 * Parses a request's JSON text (a leading byte-order mark is ignored) and
 * evaluates it against the policy it names, among `policies` (by id). Never
 * throws: text that is not JSON, a policy that is not there and an invalid
 * request are all field issues. Input values appear in issues only with
 * `reportInput` (never those under `member`).
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
    input = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (e) {
    return {
      ok: false,
      issues: [
        {
          path: '',
          expected: 'JSON',
          message: `request: not valid JSON (${escapeControl((e as Error).message)})`,
        },
      ],
    };
  }
  return safeEvaluateIn(policies, input, options);
}
