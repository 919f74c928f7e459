/**
 * Documentation: what a line of business must send under the governing
 * revision, and which documents on file count. Each requirement counts notes
 * in its own window, `lookbackMonths` calendar months back from the request
 * date (the date of service when there is none) through that date.
 * `documentation.window` is the span any requirement reads: from the earliest
 * of their starts through the reference date (the union of their windows, all
 * ending on the same day), so a note dated before it counts for nothing.
 */
import { subtractMonths } from '@criteria/calendar/core';
import type {
  DocumentationRequirement,
  LineOfBusiness,
  LoadedRevision,
  Reading,
  ReadingsSlice,
} from '@criteria/schema/core';
import type { Determination, Reason, Route, TraceStep } from '../determination.js';
import type { EvaluationRequest } from '../request.js';
import {
  type BasisFields,
  cites,
  lineName,
  readingBasis,
  reason,
  type Sink,
  stated,
  traceStep,
} from './basis.js';

/** What a line must send under a revision: the same for every request of that line and route class. */
export interface DocumentationRule {
  requirements: readonly DocumentationRequirement[];
  /** The requirements' ids (`documentation.required`), shared by every request of the rule. */
  required: readonly string[];
  /** Each requirement's basis for its `documentation.missing` reason. */
  missingBasis: readonly BasisFields[];
  /** Said when a documentation reading spares this line. */
  notRequired: Reason | null;
  kinds: ReadonlySet<string>;
  specialties: ReadonlySet<string>;
  kindList: string;
  specialtyList: string;
  /** The `documentation.complete` trace step (nothing missing), shared by every request of the rule. */
  completeStep: TraceStep;
  /**
   * The same object for every rule whose requirements have the same ids, kinds,
   * specialties and look-backs, in order: all that {@link documentationOutcome}
   * reads of a rule besides `required`. Revisions often repeat their
   * requirements, so comparing them checks a request's documents once.
   */
  checks: object;
}

// One token per list of what the documentation check reads: the lists come from the
// policies' revisions (never from a request), so this stays as small as their tables.
const checkTokens = new Map<string, object>();
function checksToken(requirements: readonly DocumentationRequirement[]): object {
  const key = JSON.stringify(
    requirements.map((r) => [r.id, r.kind, r.specialty, r.lookbackMonths]),
  );
  let token = checkTokens.get(key);
  if (token === undefined) {
    token = Object.freeze({});
    checkTokens.set(key, token);
  }
  return token;
}

/** The documentation rule of a line under a revision (none when the route is gated). */
export function documentationRule(
  revision: LoadedRevision | null,
  slice: ReadingsSlice | null,
  line: LineOfBusiness,
  gated: boolean,
): DocumentationRule {
  const declared = revision ? revision.documentation : [];
  const rule: Reading | undefined = slice?.readings.find((r) => r.decides.kind === 'documentation');
  // Without a documentation reading, the revision's requirements apply to every line, as it states them.
  const applies =
    rule === undefined ||
    (rule.decides.kind === 'documentation' && rule.decides.lines.includes(line));
  const requirements = revision && !gated && applies ? declared : [];
  const kinds = new Set(declared.map((d) => d.kind));
  const specialties = new Set(declared.map((d) => d.specialty));
  return {
    requirements,
    required: requirements.map((r) => r.id),
    missingBasis: requirements.map((need) =>
      rule
        ? { ...readingBasis([rule]), cites: [...cites(need.provenance), ...rule.basis.cites] }
        : stated(cites(need.provenance)),
    ),
    notRequired:
      revision && !gated && rule && !applies
        ? reason(
            'documentation.not-required',
            `No documentation is required of ${lineName(line)} members (reading ${rule.id}).`,
            readingBasis([rule]),
          )
        : null,
    kinds,
    specialties,
    kindList: [...kinds].join(', ') || 'none',
    specialtyList: [...specialties].join(', ') || 'none',
    completeStep: traceStep('documentation.complete', `${requirements.length} requirement(s) met`),
    checks: checksToken(requirements),
  };
}

// Requirements often share a look-back, and comparing revisions checks one request under
// each: the last start is kept, so it is computed once for them.
let lastReference = '';
let lastMonths = -1;
let lastStart = '';
function lookbackStart(reference: string, months: number): string {
  if (reference !== lastReference || months !== lastMonths) {
    lastStart = subtractMonths(reference, months);
    lastReference = reference;
    lastMonths = months;
  }
  return lastStart;
}

/** Whether a route skips documentation (no criteria apply). */
export const gatedRoute = (route: Route) =>
  route === 'not-applicable' || route === 'no-criteria-in-effect';

/**
 * What an outcome reads of {@link checkDocumentation}'s answer (all but
 * `ignored`), in the same field order: the first document that meets a
 * requirement is enough, and nothing is said about the rest.
 */
export function documentationOutcome(
  rule: DocumentationRule,
  req: Pick<EvaluationRequest, 'requestDate' | 'dateOfService' | 'documentation'>,
): Omit<Determination['documentation'], 'ignored'> {
  const { requirements } = rule;
  const reference = req.requestDate ?? req.dateOfService;
  const docs = req.documentation ?? [];
  const missing: string[] = [];
  let earliest: string | null = null;
  for (let k = 0; k < requirements.length; k++) {
    const need = requirements[k] as DocumentationRequirement;
    const from = lookbackStart(reference, need.lookbackMonths);
    if (earliest === null || from < earliest) earliest = from;
    let found = false;
    for (let i = 0; i < docs.length && !found; i++) {
      const d = docs[i] as (typeof docs)[number];
      found =
        d.kind === need.kind &&
        d.specialty === need.specialty &&
        d.date >= from &&
        d.date <= reference;
    }
    if (!found) missing.push(need.id);
  }
  return {
    complete: missing.length === 0,
    window: earliest === null ? null : { from: earliest, through: reference },
    required: rule.required as string[],
    missing,
  };
}

/**
 * Checks the documents on file against a rule, for a determination: the reasons
 * and trace go to `sink`, and every document that did not count is listed in
 * `ignored` with why (an outcome, which reads none of that, uses
 * {@link documentationOutcome}).
 */
export function checkDocumentation(
  rule: DocumentationRule,
  req: Pick<EvaluationRequest, 'requestDate' | 'dateOfService' | 'documentation'>,
  sink: Sink,
): Determination['documentation'] {
  const { requirements } = rule;
  if (rule.notRequired) sink.reasons.push(rule.notRequired);
  const reference = req.requestDate ?? req.dateOfService;
  const docs = req.documentation ?? [];
  const missing: string[] = [];
  // Each requirement's start, for the reasons of ignored documents.
  const starts: string[] = [];
  let earliest: string | null = null;
  const counted = new Set<number>();
  for (let k = 0; k < requirements.length; k++) {
    const need = requirements[k] as DocumentationRequirement;
    const from = lookbackStart(reference, need.lookbackMonths);
    starts.push(from);
    if (earliest === null || from < earliest) earliest = from;
    let found = false;
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i] as (typeof docs)[number];
      if (
        d.kind === need.kind &&
        d.specialty === need.specialty &&
        d.date >= from &&
        d.date <= reference
      ) {
        found = true;
        counted.add(i);
      }
    }
    if (!found) {
      missing.push(need.id);
      sink.reasons.push(
        reason(
          'documentation.missing',
          `Missing: ${need.label} (dated ${from} to ${reference}).`,
          rule.missingBasis[k],
        ),
      );
    }
  }
  const window = earliest === null ? null : { from: earliest, through: reference };
  const ignored: Determination['documentation']['ignored'] = [];
  // A document that did not count is listed with the reason, never silently dropped.
  let why = '';
  for (let index = 0; index < docs.length; index++) {
    if (counted.has(index)) continue;
    const d = docs[index] as (typeof docs)[number];
    const x = {
      index,
      kind: d.kind,
      specialty: d.specialty,
      date: d.date,
      why: whyIgnored(rule, d, reference, window, starts),
    };
    ignored.push(x);
    why = `${why}${why === '' ? '' : '; '}#${index}: ${x.why}`;
  }
  if (ignored.length > 0) sink.trace.push(traceStep('documentation.ignored', why));
  sink.trace.push(
    missing.length === 0
      ? rule.completeStep
      : traceStep('documentation.missing', missing.join(',')),
  );
  return {
    complete: missing.length === 0,
    window,
    required: rule.required as string[],
    missing,
    ignored,
  };
}

function whyIgnored(
  rule: DocumentationRule,
  d: { kind: string; specialty: string; date: string },
  reference: string,
  window: { from: string; through: string } | null,
  starts: readonly string[],
): string {
  if (!rule.kinds.has(d.kind))
    return `kind \`${d.kind}\` is not one this policy reads (${rule.kindList})`;
  if (!rule.specialties.has(d.specialty))
    return `specialty \`${d.specialty}\` is not one this policy reads (${rule.specialtyList})`;
  if (d.date > reference) return `dated after the request date ${reference}`;
  if (rule.requirements.length === 0 || window === null)
    return 'no documentation is required of this request';
  if (d.date < window.from) return `dated before the window (${window.from} to ${window.through})`;
  // Inside the span some requirement reads: older than the window of each requirement of its kind and specialty.
  const own = rule.requirements.flatMap((need, k) =>
    need.kind === d.kind && need.specialty === d.specialty ? [{ need, from: starts[k] ?? '' }] : [],
  );
  if (own.length === 0) return 'no requirement reads this kind and specialty together';
  return `dated before the window of ${own.map((o) => `${o.need.id} (${o.from} to ${reference})`).join(' and ')}`;
}
