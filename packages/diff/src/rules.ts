import { match, P } from 'ts-pattern';
import type { Delta, Impact } from './change.js';

/**
 * The classification rules. Each id is stable (tooling and changelogs cite it)
 * and says why a change gets its impact. Rules come in mirrored pairs, so the
 * inverse of a change is classified with the mirrored impact.
 *
 * @example rules['indication-added-criteria-review'].impact // => 'expands-coverage'
 */
export const rules = {
  'revision-dates': {
    impact: 'administrative',
    why: 'approval and effective dates belong to the revision record; they change no criterion',
  },
  'summary-wording': {
    impact: 'administrative',
    why: "the revision table's summary describes the change; the structured fields carry it",
  },
  'notice-terms': {
    impact: 'administrative',
    why: 'the advance-notice terms govern how the change is announced, not what is covered',
  },
  'code-added-to-scope': {
    impact: 'expands-coverage',
    why: 'requests with the code are now reviewed, and can be approved, under these criteria',
  },
  'code-removed-from-scope': {
    impact: 'restricts-coverage',
    why: 'requests with the code are no longer covered by these criteria',
  },
  'deleted-code-removed': {
    impact: 'administrative',
    why: 'the code was deleted from the code set: no request can carry it any more',
  },
  'deleted-code-listed': {
    impact: 'administrative',
    why: 'the code is recorded as deleted: listing it changes no request that can be made',
  },
  'code-details': {
    impact: 'administrative',
    why: "a code's label, system or deletion record changed, not whether it is in scope",
  },
  'criteria-source-added': {
    impact: 'administrative',
    why: 'a reference is added to the criteria sources; the indications and their routes decide coverage',
  },
  'criteria-source-removed': {
    impact: 'administrative',
    why: 'a reference is dropped from the criteria sources; the indications and their routes decide coverage',
  },
  'criteria-source-replaced': {
    impact: 'administrative',
    why: 'one source of a kind is swapped for another of the same kind',
  },
  'criteria-source-details': {
    impact: 'administrative',
    why: "a source's status (retirement), edition, title or content reference changed",
  },
  'stated-none': {
    impact: 'administrative',
    why: 'the record states, or stops stating, that a kind of source does not exist',
  },
  'criteria-silence': {
    impact: 'administrative',
    why: 'the record is, or stops being, silent about the sources of a line of business',
  },
  'indication-rules-extended': {
    impact: 'restricts-coverage',
    why: 'requests of that line of business now follow the indication rules, which can route them to medical director review',
  },
  'indication-rules-withdrawn': {
    impact: 'expands-coverage',
    why: 'requests of that line of business are reviewed against the criteria whatever the indication',
  },
  'indication-added-criteria-review': {
    impact: 'expands-coverage',
    why: 'requests for an indication no revision named yet went to medical director review; now they are reviewed against the criteria',
  },
  'indication-removed-criteria-review': {
    impact: 'restricts-coverage',
    why: 'requests for the indication are no longer reviewed against the criteria as a named indication',
  },
  'indication-added-medical-director-review': {
    impact: 'administrative',
    why: 'requests for an indication no revision named yet already went to medical director review; naming it keeps that route',
  },
  'indication-removed-medical-director-review': {
    impact: 'administrative',
    why: 'the indication needed medical director review while named; unnamed, the route is the same',
  },
  'indication-requires-medical-director-review': {
    impact: 'restricts-coverage',
    why: 'requests for the indication now need medical director review instead of review against the criteria',
  },
  'indication-requires-criteria-review': {
    impact: 'expands-coverage',
    why: 'requests for the indication are now reviewed against the criteria instead of by a medical director',
  },
  'indication-wording': {
    impact: 'administrative',
    why: "an indication's label or statement changed, not its route",
  },
  'indication-named-in': {
    impact: 'administrative',
    why: 'the record of which revision first named the indication changed',
  },
  'unnamed-indication-added': {
    impact: 'expands-coverage',
    why: 'the record adds an indication, even though it does not name it',
  },
  'unnamed-indication-removed': {
    impact: 'restricts-coverage',
    why: 'an indication the record added without naming it is no longer listed',
  },
  'unnamed-indication-wording': {
    impact: 'administrative',
    why: 'the description of an unnamed indication changed',
  },
  'documentation-required': {
    impact: 'restricts-coverage',
    why: 'a request needs more documentation on file to be complete',
  },
  'documentation-dropped': {
    impact: 'expands-coverage',
    why: 'a request needs less documentation on file to be complete',
  },
  'documentation-lookback-shorter': {
    impact: 'restricts-coverage',
    why: 'fewer notes count: they must be more recent',
  },
  'documentation-lookback-longer': {
    impact: 'expands-coverage',
    why: 'more notes count: older ones qualify too',
  },
  'documentation-details': {
    impact: 'administrative',
    why: "a documentation requirement's label, kind or author specialty changed",
  },
} as const satisfies Record<string, { impact: Impact; why: string }>;

/**
 * The id of a classification rule.
 *
 * @example const id: RuleId = 'deleted-code-removed'; rules[id].why;
 */
export type RuleId = keyof typeof rules;

/** The rule for a delta; every kind of delta is matched, so a new kind does not compile until it has one. */
export const ruleFor = (delta: Delta): RuleId =>
  match<Delta, RuleId>(delta)
    .with({ kind: 'date-changed' }, { kind: 'effective-basis-changed' }, () => 'revision-dates')
    .with({ kind: 'summary-changed' }, () => 'summary-wording')
    .with({ kind: 'notice-changed' }, () => 'notice-terms')
    .with({ kind: 'code-added', after: { deleted: true } }, () => 'deleted-code-listed')
    .with({ kind: 'code-added' }, () => 'code-added-to-scope')
    .with({ kind: 'code-removed', before: { deleted: true } }, () => 'deleted-code-removed')
    .with({ kind: 'code-removed' }, () => 'code-removed-from-scope')
    .with({ kind: 'code-changed' }, () => 'code-details')
    .with({ kind: 'source-added' }, () => 'criteria-source-added')
    .with({ kind: 'source-removed' }, () => 'criteria-source-removed')
    .with({ kind: 'source-replaced' }, () => 'criteria-source-replaced')
    .with({ kind: 'source-changed' }, () => 'criteria-source-details')
    .with({ kind: 'stated-none-changed' }, () => 'stated-none')
    .with({ kind: 'criteria-silence-changed' }, () => 'criteria-silence')
    .with({ kind: 'indication-rules-changed', after: true }, () => 'indication-rules-extended')
    .with({ kind: 'indication-rules-changed', after: false }, () => 'indication-rules-withdrawn')
    .with(
      { kind: 'indication-added', after: { requires: 'criteria-review' } },
      () => 'indication-added-criteria-review',
    )
    .with(
      { kind: 'indication-added', after: { requires: 'medical-director-review' } },
      () => 'indication-added-medical-director-review',
    )
    .with(
      { kind: 'indication-removed', before: { requires: 'criteria-review' } },
      () => 'indication-removed-criteria-review',
    )
    .with(
      { kind: 'indication-removed', before: { requires: 'medical-director-review' } },
      () => 'indication-removed-medical-director-review',
    )
    .with(
      {
        kind: 'indication-changed',
        field: 'requires',
        after: { requires: 'medical-director-review' },
      },
      () => 'indication-requires-medical-director-review',
    )
    .with(
      { kind: 'indication-changed', field: 'requires', after: { requires: 'criteria-review' } },
      () => 'indication-requires-criteria-review',
    )
    .with(
      { kind: 'indication-changed', field: P.union('label', 'statement') },
      () => 'indication-wording',
    )
    .with({ kind: 'indication-changed', field: 'namedIn' }, () => 'indication-named-in')
    .with({ kind: 'unnamed-indication-added' }, () => 'unnamed-indication-added')
    .with({ kind: 'unnamed-indication-removed' }, () => 'unnamed-indication-removed')
    .with({ kind: 'unnamed-indication-changed' }, () => 'unnamed-indication-wording')
    .with({ kind: 'documentation-added' }, () => 'documentation-required')
    .with({ kind: 'documentation-removed' }, () => 'documentation-dropped')
    .with({ kind: 'documentation-changed', field: 'lookbackMonths' }, (d) =>
      d.after.lookbackMonths < d.before.lookbackMonths
        ? 'documentation-lookback-shorter'
        : 'documentation-lookback-longer',
    )
    .with(
      { kind: 'documentation-changed', field: P.union('label', 'kind', 'specialty') },
      () => 'documentation-details',
    )
    .exhaustive();
