import type { Change, SourceFacts } from '@criteria/diff';
import { match } from 'ts-pattern';
import { basisName, lineName, noticeTerms, sourceKindName } from './internal/words.js';

/**
 * A change in plain language: our sentence (a summary in our words, never in
 * quotation marks; the source's own words travel separately, as citations).
 *
 * @example const { text }: ChangeDescription = describeChange(change);
 */
export interface ChangeDescription {
  /** One or two sentences for providers, built from the revision's labels, ids and dates. */
  text: string;
}

/** Options of {@link describeChange}. */
export interface DescribeOptions {
  /**
   * The day the description is written for: a source status dated later (a
   * retirement) is not known yet and is left out. Default: every status.
   */
  asOf?: string;
  /** The label of an indication id, for route changes (default: the id). */
  labelOf?: (indication: string) => string | undefined;
}

const routeWords = {
  'criteria-review': 'criteria review',
  'medical-director-review': 'medical director review',
} as const;

const techniqueWords = {
  apbi: 'with APBI',
  other: 'with another technique',
  unknown: 'with the technique not stated',
} as const;

const sourceName = (s: SourceFacts, asOf: string | undefined): string => {
  const title = s.title === s.id ? '' : ` (${s.title})`;
  const edition = s.edition ? `, edition ${s.edition}` : '';
  const retired =
    s.retirement && (asOf === undefined || s.retirement.on <= asOf)
      ? `, retired ${s.retirement.on} and ${s.retirement.stillApplied ? 'still applied' : 'no longer applied'}`
      : '';
  return `${sourceKindName[s.kind]} ${s.id}${title}${edition}${retired}`;
};

/**
 * Says what a change means for providers, in plain language. The sentence is
 * built from the revision's own labels, ids and dates; it is a summary, never a
 * quotation. A route change says it is a reading.
 *
 * @example
 * describeChange(change).text
 * // => 'Non-Medicare members: requests for Pancreatic cancer go to criteria review (before: medical director review). This is our reading of the record.'
 */
export function describeChange(change: Change, options: DescribeOptions = {}): ChangeDescription {
  const asOf = options.asOf;
  const say = (text: string): ChangeDescription => ({ text });
  return match<Change, ChangeDescription>(change)
    .with({ kind: 'date-changed', field: 'approvedOn' }, (c) =>
      say(`Approval date: ${c.after} (was ${c.before}).`),
    )
    .with({ kind: 'date-changed', field: 'effectiveOn' }, (c) =>
      say(`Effective date: ${c.after} (was ${c.before}).`),
    )
    .with({ kind: 'effective-basis-changed' }, (c) =>
      say(`Effective date basis: ${basisName[c.after]} (was ${basisName[c.before]}).`),
    )
    .with({ kind: 'summary-changed' }, () => say('The revision summary changed.'))
    .with({ kind: 'notice-changed' }, (c) =>
      say(`Advance notice: ${noticeTerms(c.after)} (was ${noticeTerms(c.before)}).`),
    )
    .with({ kind: 'code-added', after: { deleted: true } }, (c) =>
      say(
        `${c.after.system} ${c.code} (${c.after.label}) is listed again, though recorded as a deleted code.`,
      ),
    )
    .with({ kind: 'code-added' }, (c) =>
      say(
        `${c.after.system} ${c.code} (${c.after.label}) is added to the codes this policy covers.`,
      ),
    )
    .with({ kind: 'code-removed', before: { deleted: true } }, (c) =>
      say(
        `${c.before.system} ${c.code} (${c.before.label}) is removed from the codes this policy covers: it is a deleted code.`,
      ),
    )
    .with({ kind: 'code-removed' }, (c) =>
      say(
        `${c.before.system} ${c.code} (${c.before.label}) is no longer among the codes this policy covers.`,
      ),
    )
    .with({ kind: 'code-changed', field: 'label' }, (c) =>
      say(`${c.after.system} ${c.code} is now labelled ${c.after.label} (was: ${c.before.label}).`),
    )
    .with({ kind: 'code-changed', field: 'system' }, (c) =>
      say(`Code ${c.code} is now a ${c.after.system} code (was ${c.before.system}).`),
    )
    .with({ kind: 'code-changed', field: 'deleted' }, (c) =>
      say(
        c.after.deleted
          ? `${c.after.system} ${c.code} is now recorded as a deleted code.`
          : `${c.after.system} ${c.code} is no longer recorded as a deleted code.`,
      ),
    )
    .with({ kind: 'source-added' }, (c) =>
      say(
        `${lineName[c.line]} members: ${sourceName(c.after, asOf)} is added to the criteria sources.`,
      ),
    )
    .with({ kind: 'source-removed' }, (c) =>
      say(
        `${lineName[c.line]} members: ${sourceName(c.before, asOf)} is no longer a criteria source.`,
      ),
    )
    .with({ kind: 'source-replaced' }, (c) =>
      say(
        `${lineName[c.line]} members: ${sourceKindName[c.before.kind]} ${c.before.id} is replaced by ${sourceName(c.after, asOf)}.`,
      ),
    )
    .with({ kind: 'source-changed', field: 'retirement' }, (c) =>
      say(
        c.after.retirement
          ? `${lineName[c.line]} members: ${sourceKindName[c.after.kind]} ${c.id} is retired as of ${c.after.retirement.on} and ${c.after.retirement.stillApplied ? 'still applied' : 'no longer applied'}.`
          : `${lineName[c.line]} members: ${sourceKindName[c.after.kind]} ${c.id} is no longer recorded as retired.`,
      ),
    )
    .with({ kind: 'source-changed', field: 'edition' }, (c) =>
      say(
        `${lineName[c.line]} members: ${sourceKindName[c.after.kind]} ${c.id} edition ${c.after.edition ?? 'none'} (was ${c.before.edition ?? 'none'}).`,
      ),
    )
    .with({ kind: 'source-changed', field: 'title' }, (c) =>
      say(
        `${lineName[c.line]} members: ${sourceKindName[c.after.kind]} ${c.id} is now titled ${c.after.title} (was: ${c.before.title}).`,
      ),
    )
    .with({ kind: 'source-changed', field: 'kind' }, (c) =>
      say(
        `${lineName[c.line]} members: ${c.id} is now recorded as ${sourceKindName[c.after.kind]} (was ${sourceKindName[c.before.kind]}).`,
      ),
    )
    .with({ kind: 'source-changed', field: 'content' }, (c) =>
      say(
        `${lineName[c.line]} members: the content of ${sourceKindName[c.after.kind]} ${c.id} now comes from ${c.after.content.provider} (${c.after.content.key}); it came from ${c.before.content.provider} (${c.before.content.key}).`,
      ),
    )
    .with({ kind: 'stated-none-changed' }, (c) =>
      say(
        c.after
          ? `${lineName[c.line]} members: the record states there is no ${sourceKindName[c.sourceKind]}.`
          : `${lineName[c.line]} members: the record no longer states there is no ${sourceKindName[c.sourceKind]}.`,
      ),
    )
    .with({ kind: 'criteria-silence-changed' }, (c) =>
      say(
        c.after === null
          ? `${lineName[c.line]} members: the criteria sources are now stated (the earlier record was silent about them).`
          : `${lineName[c.line]} members: the record is now silent about the criteria sources.`,
      ),
    )
    .with({ kind: 'route-changed' }, (c) =>
      say(
        `${lineName[c.line]} members: requests for ${options.labelOf?.(c.indication) ?? c.indication}${c.technique ? ` ${techniqueWords[c.technique]}` : ''} go to ${routeWords[c.after.route]} (before: ${routeWords[c.before.route]}). This is our reading of the record, not its words.`,
      ),
    )
    .with({ kind: 'indication-added' }, (c) =>
      say(`Indication named by this revision: ${c.after.label}.`),
    )
    .with({ kind: 'indication-removed' }, (c) =>
      say(`Indication no longer named: ${c.before.label}.`),
    )
    .with({ kind: 'indication-changed', field: 'label' }, (c) =>
      say(`Indication renamed: ${c.after.label} (was: ${c.before.label}).`),
    )
    .with({ kind: 'indication-changed', field: 'namedIn' }, (c) =>
      say(
        `${c.after.label}: now recorded as first named by revision ${c.after.namedIn} (was ${c.before.namedIn}).`,
      ),
    )
    .with({ kind: 'unnamed-indication-added' }, () =>
      say('An indication is added that the revision record does not name.'),
    )
    .with({ kind: 'unnamed-indication-removed' }, (c) =>
      say(
        `The indication the record added on ${c.before.addedIn} without naming it is no longer listed.`,
      ),
    )
    .with({ kind: 'unnamed-indication-changed' }, (c) =>
      say(`The description of the indication added on ${c.after.addedIn} without a name changed.`),
    )
    .with({ kind: 'documentation-added' }, (c) =>
      say(`Documentation now required: ${c.after.label}.`),
    )
    .with({ kind: 'documentation-removed' }, (c) =>
      say(`Documentation no longer required: ${c.before.label}.`),
    )
    .with({ kind: 'documentation-changed', field: 'lookbackMonths' }, (c) =>
      say(
        `${c.after.label}: notes now count from the last ${c.after.lookbackMonths} months (was ${c.before.lookbackMonths}).`,
      ),
    )
    .with({ kind: 'documentation-changed', field: 'label' }, (c) =>
      say(`Documentation requirement renamed: ${c.after.label} (was: ${c.before.label}).`),
    )
    .with({ kind: 'documentation-changed', field: 'kind' }, (c) =>
      say(`${c.after.label}: kind of document now ${c.after.kind} (was ${c.before.kind}).`),
    )
    .with({ kind: 'documentation-changed', field: 'specialty' }, (c) =>
      say(
        `${c.after.label}: author specialty now ${c.after.specialty} (was ${c.before.specialty}).`,
      ),
    )
    .exhaustive();
}
