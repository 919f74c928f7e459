import { IsoDateSchema } from '@criteria/calendar';
import { z } from 'zod';
import { contentHash } from './content-hash.js';
import type { LoadedRevision } from './define-policy.js';
import {
  ClinicalAttributesSchema,
  IndicationRequirementSchema,
  LineOfBusinessSchema,
  SlugSchema,
  TechniqueSchema,
} from './policy.js';
import { CitationSchema } from './provenance.js';

/**
 * Why a reading holds: the lines it rests on, each with a verbatim quote, and
 * the reason in our words. A reading with no line rests on the record's silence.
 */
export const ReadingBasisSchema = z
  .object({
    cites: z.array(CitationSchema).default([]),
    reason: z.string().min(10),
  })
  .strict();
export type ReadingBasis = z.infer<typeof ReadingBasisSchema>;

/** What a reading decides. Each kind is matched exhaustively by the evaluator. */
export const ReadingDecisionSchema = z.discriminatedUnion('kind', [
  /** Requests of this line of business take this route whatever the indication. */
  z
    .object({
      kind: z.literal('line-route'),
      line: LineOfBusinessSchema,
      route: IndicationRequirementSchema,
    })
    .strict(),
  /** Requests for this indication (with one of these techniques, default any) take this route. */
  z
    .object({
      kind: z.literal('indication-route'),
      indication: SlugSchema,
      techniques: z.array(TechniqueSchema).min(1).optional(),
      route: IndicationRequirementSchema,
    })
    .strict(),
  /** The route of every indication no other reading decides (named or not). */
  z.object({ kind: z.literal('default-route'), route: IndicationRequirementSchema }).strict(),
  /** When several indications apply, the stricter route wins (medical director review). */
  z.object({ kind: z.literal('stricter-route-wins') }).strict(),
  /** A determination for this indication carries this flag. */
  z
    .object({
      kind: z.literal('flag'),
      indication: SlugSchema,
      flag: z.enum(['indication-uncertain']),
    })
    .strict(),
  /** The revision's documentation requirements apply to these lines of business. */
  z.object({ kind: z.literal('documentation'), lines: z.array(LineOfBusinessSchema) }).strict(),
  /** A reading about the record (a date, a source's place) that decides no route; listed for the reader. */
  z.object({ kind: z.literal('record'), subject: z.string().min(1) }).strict(),
]);
export type ReadingDecision = z.infer<typeof ReadingDecisionSchema>;

/** One reading: what it decides, for which revisions, on what basis, and the alternative. */
export const ReadingSchema = z
  .object({
    id: SlugSchema,
    /** Revision ids it applies to. */
    appliesTo: z.array(IsoDateSchema).min(1),
    decides: ReadingDecisionSchema,
    /** One sentence in our words: what the reading says. */
    statement: z.string().min(10),
    basis: ReadingBasisSchema,
    /** The other way the record could be read, where there is one. */
    alternative: z.string().min(10).optional(),
    /** Set on readings derived from a later row's words when the edition is built. */
    derivedFrom: z
      .object({ revision: IsoDateSchema, phrase: z.string().min(1) })
      .strict()
      .optional(),
  })
  .strict();
export type Reading = z.infer<typeof ReadingSchema>;

/**
 * One row of the project's diagnosis map: ICD-10-CM prefix to indication. The
 * source names indications in words, never codes, so every row is a reading of
 * ours, reviewed against ICD-10-CM; its basis says why.
 */
export const DiagnosisMappingSchema = z
  .object({
    /** ICD-10-CM category or code prefix, e.g. `C34` or `C83.3`. */
    prefix: z
      .string()
      .regex(/^[A-TV-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?$/, 'expected an ICD-10-CM code or category'),
    indication: SlugSchema,
    /** Clinical attributes the request must carry for this row to apply. */
    when: ClinicalAttributesSchema.default({}),
    /** What the ICD-10-CM code or category covers, in our words. */
    title: z.string().min(1),
    /** Why the row maps there: the source's words it rests on and the reason. */
    basis: ReadingBasisSchema,
  })
  .strict();
export type DiagnosisMapping = z.infer<typeof DiagnosisMappingSchema>;

/** A shorthand indication id a request may use: `breast-cancer-apbi` = breast cancer with technique `apbi`. */
export const ShorthandSchema = z
  .object({ id: SlugSchema, indication: SlugSchema, technique: TechniqueSchema })
  .strict();

/** A phrase of a later row that makes a reading for the revisions before it. */
export const DerivationSchema = z
  .object({
    /** Verbatim words of the row (`new indication`, `additional indications`). */
    phrase: z.string().min(1),
    route: IndicationRequirementSchema,
    reason: z.string().min(10),
    alternative: z.string().min(10).optional(),
  })
  .strict();

/** A readings edition as written by hand: readings, derivation rules and the diagnosis map. */
export const ReadingsEditionInputSchema = z
  .object({
    policy: SlugSchema,
    /** The edition's id: the date it was written. A corrected reading makes a new edition. */
    edition: IsoDateSchema,
    readings: z.array(ReadingSchema),
    derive: z.array(DerivationSchema).default([]),
    shorthands: z.array(ShorthandSchema).default([]),
    diagnosisMap: z
      .object({ note: z.string().min(1), rows: z.array(DiagnosisMappingSchema) })
      .strict(),
  })
  .strict();
export type ReadingsEditionInput = z.input<typeof ReadingsEditionInputSchema>;

/** A built edition: hand-written and derived readings, locked by its sha256. */
export interface ReadingsEdition {
  readonly policy: string;
  readonly edition: string;
  readonly readings: readonly Reading[];
  readonly shorthands: readonly z.infer<typeof ShorthandSchema>[];
  readonly diagnosisMap: {
    readonly note: string;
    readonly rows: readonly DiagnosisMapping[];
  };
  readonly sha256: string;
}

/** How an output names the edition it used. */
export interface ReadingsRef {
  edition: string;
  sha256: string;
}

/** What an evaluator may read for one revision: the readings that apply to it, and the map. */
export interface ReadingsSlice {
  readonly ref: ReadingsRef;
  readonly readings: readonly Reading[];
  readonly shorthands: ReadingsEdition['shorthands'];
  readonly diagnosisMap: ReadingsEdition['diagnosisMap'];
}

/**
 * Builds an edition: validates the hand-written part, derives a reading for every
 * indication first named by a row that says one of the `derive` phrases (for
 * every revision before that row), checks that no two readings decide the same
 * thing for a revision, and hashes the result.
 *
 * @example
 * const edition = buildReadingsEdition(input, imrt.revisions);
 * edition.readings.find((r) => r.id === 'esophageal-cancer-before-2017-12-05')?.decides.route; // 'medical-director-review'
 */
export function buildReadingsEdition(
  input: ReadingsEditionInput,
  revisions: readonly LoadedRevision[],
): ReadingsEdition {
  const parsed = ReadingsEditionInputSchema.parse(input);
  const derived: Reading[] = [];
  for (const rule of parsed.derive)
    for (const [i, r] of revisions.entries()) {
      const row = r.provenance.cites.find(() => true)?.line;
      if (!r.summary.includes(rule.phrase)) continue;
      const earlier = revisions.slice(0, i).map((e) => e.id);
      if (earlier.length === 0) continue;
      for (const ind of r.indications.filter((x) => x.namedIn === r.id)) {
        // A hand-written reading of the same indication for any of those revisions
        // takes precedence ("still" of breast cancer outranks "additional").
        const written = parsed.readings.some(
          (w) =>
            w.decides.kind === 'indication-route' &&
            w.decides.indication === ind.id &&
            w.appliesTo.some((a) => earlier.includes(a)),
        );
        if (written) continue;
        derived.push({
          id: `${ind.id}-before-${r.id}`,
          appliesTo: earlier,
          decides: { kind: 'indication-route', indication: ind.id, route: rule.route },
          statement: `${ind.label}: ${rule.route === 'medical-director-review' ? 'medical director review' : 'criteria review'} under every revision before ${r.id}.`,
          basis: {
            cites:
              row === undefined
                ? []
                : [
                    { line: row, quote: rule.phrase },
                    ...ind.provenance.cites.filter((c) => c.line === row),
                  ],
            reason: rule.reason,
          },
          ...(rule.alternative ? { alternative: rule.alternative } : {}),
          derivedFrom: { revision: r.id, phrase: rule.phrase },
        });
      }
    }
  const readings = [...parsed.readings, ...derived];
  const problems = readingConflicts(readings, revisions);
  if (problems.length > 0)
    throw new Error(`readings edition ${parsed.edition} is ambiguous: ${problems.join('; ')}`);
  const body = {
    policy: parsed.policy,
    edition: parsed.edition,
    readings,
    shorthands: parsed.shorthands,
    diagnosisMap: parsed.diagnosisMap,
  };
  return { ...body, sha256: contentHash(body) };
}

/** Readings that would decide the same thing for one revision (the evaluator would have to guess). */
export function readingConflicts(
  readings: readonly Reading[],
  revisions: readonly { id: string }[],
): string[] {
  const out: string[] = [];
  const ids = new Set(revisions.map((r) => r.id));
  const seen = new Set<string>();
  for (const r of readings) {
    if (seen.has(r.id)) out.push(`reading id ${r.id} repeats`);
    seen.add(r.id);
    for (const a of r.appliesTo)
      if (!ids.has(a)) out.push(`${r.id} applies to ${a}, which is not a revision`);
  }
  const key = (d: ReadingDecision, technique: string): string | null => {
    switch (d.kind) {
      case 'line-route':
        return `line:${d.line}`;
      case 'indication-route':
        return (d.techniques ?? TechniqueSchema.options).includes(technique as never)
          ? `indication:${d.indication}:${technique}`
          : null;
      case 'default-route':
        return 'default';
      case 'documentation':
        return 'documentation';
      default:
        return null;
    }
  };
  for (const rev of ids)
    for (const t of TechniqueSchema.options) {
      const keys = new Map<string, string>();
      for (const r of readings.filter((x) => x.appliesTo.includes(rev))) {
        const k = key(r.decides, t);
        if (k === null) continue;
        const other = keys.get(k);
        if (other !== undefined && other !== r.id)
          out.push(`${other} and ${r.id} both decide ${k} under ${rev}`);
        keys.set(k, r.id);
      }
    }
  return [...new Set(out)];
}

export { sliceFor } from './core.js';
