import { match, P } from 'ts-pattern';
import type { Delta, Impact } from './change.js';

/**
 * The classification rules. Each id is stable (tooling and changelogs cite it)
 * and says why a change gets its impact. Rules come in mirrored pairs, so the
 * inverse of a change is classified with the mirrored impact.
 *
 * @example rules['route-to-criteria-review'].impact // => 'expands-coverage'
 */
export const rules = {
  'revision-dates': {
    impact: 'record',
    why: 'approval and effective dates belong to the revision record; they change no criterion',
  },
  'summary-wording': {
    impact: 'record',
    why: "the revision table's summary describes the change; the structured fields carry it",
  },
  'notice-terms': {
    impact: 'record',
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
    impact: 'substantive',
    why: 'a code the source calls deleted is listed again: not a change the record explains',
  },
  'code-details': {
    impact: 'substantive',
    why: "a code's label, system or deletion record changed: only removing a deleted code is administrative",
  },
  'billing-article-citation': {
    impact: 'administrative',
    why: 'the billing article cited is added, dropped or replaced: a change of the billing-article citation',
  },
  'criteria-source-added': {
    impact: 'substantive',
    why: 'a criteria source is added: what medical necessity is measured against changes, in a direction the record does not show',
  },
  'criteria-source-removed': {
    impact: 'substantive',
    why: 'a criteria source is dropped: what medical necessity is measured against changes, in a direction the record does not show',
  },
  'criteria-source-replaced': {
    impact: 'substantive',
    why: 'one criteria source is replaced by another (plan criteria by a licensed guideline, one LCD by another): it changes what medical necessity means',
  },
  'criteria-source-details': {
    impact: 'substantive',
    why: "a source's status (retirement), edition, title or content reference changed",
  },
  'stated-none': {
    impact: 'substantive',
    why: 'the record states, or stops stating, that a kind of source does not exist',
  },
  'criteria-silence': {
    impact: 'substantive',
    why: 'the record is, or stops being, silent about the sources of a line of business',
  },
  'route-to-criteria-review': {
    impact: 'expands-coverage',
    why: 'by the readings edition, requests for the indication now go to criteria review instead of medical director review',
  },
  'route-to-medical-director-review': {
    impact: 'restricts-coverage',
    why: 'by the readings edition, requests for the indication now need medical director review instead of criteria review',
  },
  'indication-added': {
    impact: 'expands-coverage',
    why: 'the revision names an indication of its criteria; how requests for it are routed is a reading (see the route changes)',
  },
  'indication-removed': {
    impact: 'restricts-coverage',
    why: 'the revision no longer names an indication of its criteria; how requests for it are routed is a reading (see the route changes)',
  },
  'indication-wording': {
    impact: 'substantive',
    why: "an indication's label changed",
  },
  'indication-named-in': {
    impact: 'substantive',
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
    impact: 'substantive',
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
    impact: 'substantive',
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
    .with(
      { kind: 'source-added', after: { kind: 'billing-article' } },
      () => 'billing-article-citation',
    )
    .with(
      { kind: 'source-removed', before: { kind: 'billing-article' } },
      () => 'billing-article-citation',
    )
    .with(
      {
        kind: 'source-replaced',
        before: { kind: 'billing-article' },
        after: { kind: 'billing-article' },
      },
      () => 'billing-article-citation',
    )
    .with({ kind: 'source-added' }, () => 'criteria-source-added')
    .with({ kind: 'source-removed' }, () => 'criteria-source-removed')
    .with({ kind: 'source-replaced' }, () => 'criteria-source-replaced')
    .with({ kind: 'source-changed' }, () => 'criteria-source-details')
    .with({ kind: 'stated-none-changed' }, () => 'stated-none')
    .with({ kind: 'criteria-silence-changed' }, () => 'criteria-silence')
    .with(
      { kind: 'route-changed', after: { route: 'criteria-review' } },
      () => 'route-to-criteria-review',
    )
    .with(
      { kind: 'route-changed', after: { route: 'medical-director-review' } },
      () => 'route-to-medical-director-review',
    )
    .with({ kind: 'indication-added' }, () => 'indication-added')
    .with({ kind: 'indication-removed' }, () => 'indication-removed')
    .with({ kind: 'indication-changed', field: 'label' }, () => 'indication-wording')
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
