import { field, locate, provenances, show, stringField } from '../internal/raw.js';
import { defineRule } from '../rule.js';

/** Markers that say the reading is still to be written. */
const PLACEHOLDER = /^(?:todo|tbd|fixme|xxx)\b/i;
/** A bare word where a reason should be. */
const BARE = /^(?:n\/a|none|reading|assumed|see above|same as before)[.!]?$/i;

/** Why a reading is no reason, or undefined when it reads as one. */
const notAReason = (reading: string): string | undefined => {
  const text = reading.trim();
  if (PLACEHOLDER.test(text) || BARE.test(text)) return 'is a placeholder';
  if (text.length < 20 || text.split(/\s+/).length < 4) return 'is too short to give a reason';
  return undefined;
};

export const readingHasReason = defineRule({
  id: 'reading-has-reason',
  severity: 'error',
  title: 'Every fact cites the source or gives a reading with its reason',
  rationale:
    'Where the source is silent the module may read it, but must say so and why (docs/readings.md, “Readings”): a provenance needs a citation or a reading, a reading must be a sentence that gives the reason, and a date or notice the source does not state (`effectiveOnBasis` `assumed`/`reading`, notice basis `not-stated`) carries one.',
  fix: "Write the reading as a sentence that says what the source says or does not say and what we read from it, e.g. 'No effective date is stated: the revision takes effect on its approval date (assumed).' If the source does state the fact, cite `{ line, quote }` instead.",
  *check(ctx) {
    for (const p of provenances(ctx.input)) {
      const cites = field(p.value, 'cites');
      const reading = field(p.value, 'reading');
      const where = locate(p.path);
      if (reading === undefined && (!Array.isArray(cites) || cites.length === 0)) {
        yield { ...where, message: 'cites no line of the source and gives no reading' };
        continue;
      }
      if (typeof reading !== 'string') continue;
      const why = notAReason(reading);
      if (why !== undefined)
        yield {
          ...locate([...p.path, 'reading']),
          message: `${show(reading)} ${why}: a reading says why`,
        };
    }
    for (const r of ctx.revisions) {
      const basis = stringField(r.raw, 'effectiveOnBasis');
      if (
        (basis === 'assumed' || basis === 'reading') &&
        field(field(r.raw, 'provenance'), 'reading') === undefined
      )
        yield {
          revisionIndex: r.index,
          field: 'provenance.reading',
          message: `effectiveOnBasis is \`${basis}\` but the revision's provenance gives no reading saying how the date was read`,
        };
      const notice = field(r.raw, 'notice');
      if (
        stringField(notice, 'basis') === 'not-stated' &&
        field(field(notice, 'provenance'), 'reading') === undefined
      )
        yield {
          revisionIndex: r.index,
          field: 'notice.provenance.reading',
          message:
            "notice basis is `not-stated` but the notice's provenance gives no reading saying what was recorded instead",
        };
    }
  },
});
