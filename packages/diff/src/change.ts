import type {
  CriteriaSourceKind,
  EffectiveOnBasis,
  IndicationRequirement,
  LineOfBusiness,
  ReadingsRef,
  RevisionRef,
  Technique,
} from '@criteria/schema';
import type { RuleId } from './rules.js';

/**
 * What a change does to coverage. `administrative` is only removing a code the
 * source calls deleted, or changing the billing-article citation; every other
 * change is substantive: it expands or restricts coverage where the record shows
 * the direction, and is `substantive` (a class of its own) where it cannot be
 * known. `record` changes describe the revision itself (its dates, summary and
 * notice terms), not what it covers.
 *
 * @example const widening = diff.changes.filter((c) => c.impact === 'expands-coverage');
 */
export type Impact = (typeof IMPACTS)[number];

/**
 * Every {@link Impact}, strongest first (the order `overallImpact` weighs them):
 * the one list a schema of changes (notices, for one) builds its enum from.
 *
 * @example z.enum(IMPACTS) // a zod enum of the impacts
 */
export const IMPACTS = [
  'restricts-coverage',
  'substantive',
  'expands-coverage',
  'administrative',
  'record',
] as const;

/**
 * The part of a revision a change touches.
 *
 * @example diff.changes.filter((c) => c.area !== 'record') // what providers see
 */
export type Area = 'record' | 'notice' | 'codes' | 'criteria' | 'indications' | 'documentation';

/**
 * One run of a word diff: text common to both sides, only in the new one, or only in the old one.
 *
 * @example { op: 'insert', text: 'medical director ' }
 */
export interface ProsePart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/**
 * A word diff of a prose field (made with the `diff` package). Joining the
 * `equal` and `delete` parts gives the old text; `equal` and `insert`, the new.
 *
 * @example proseSide(change.prose, 'after') // the new text
 */
export interface ProseDiff {
  parts: ProsePart[];
}

/**
 * An indication as the diff sees it (provenance left out).
 *
 * @example { id: 'lung-cancer', label: 'Lung cancer', namedIn: '2016-11-01' }
 */
export interface IndicationFacts {
  id: string;
  label: string;
  namedIn: string;
}

/**
 * The route a readings edition gives requests of one line for one indication
 * (and technique) under a revision, and the reading that gives it (null:
 * assumed, no reading decides).
 *
 * @example { route: 'medical-director-review', reading: 'pancreatic-cancer-before-2021-03-02' }
 */
export interface RouteFacts {
  route: IndicationRequirement;
  reading: string | null;
}

/**
 * A procedure code as the diff sees it. `deleted`: the code's own record says the code was deleted.
 *
 * @example { code: '77418', system: 'CPT', label: 'IMRT delivery (deleted code)', deleted: true }
 */
export interface CodeFacts {
  code: string;
  system: 'CPT' | 'HCPCS';
  label: string;
  deleted: boolean;
}

/**
 * A criteria source as the diff sees it.
 *
 * @example { kind: 'billing-article', id: 'A58245', title: '…', edition: null, retirement: { on: '2023-11-01', stillApplied: true }, content: { provider: 'cms', key: 'A58245', licensed: false } }
 */
export interface SourceFacts {
  kind: CriteriaSourceKind;
  id: string;
  title: string;
  edition: string | null;
  retirement: { on: string; stillApplied: boolean } | null;
  content: { provider: string; key: string; licensed: boolean };
}

/**
 * A documentation requirement as the diff sees it.
 *
 * @example { id: 'oncology-clinical-notes', label: '…', kind: 'clinical-notes', specialty: 'oncology', lookbackMonths: 6 }
 */
export interface DocumentationFacts {
  id: string;
  label: string;
  kind: string;
  specialty: string;
  lookbackMonths: number;
}

/**
 * An indication the record adds without naming it.
 *
 * @example { addedIn: '2016-03-01', what: 'An indication was added; the source does not name it …' }
 */
export interface UnnamedIndicationFacts {
  addedIn: string;
  what: string;
}

/**
 * The notice terms of a revision.
 *
 * @example { required: true, periodDays: 60, basis: 'stated' }
 */
export interface NoticeFacts {
  required: boolean;
  periodDays: number | null;
  basis: 'stated' | 'not-stated';
}

/**
 * A difference between two revisions before it is classified. Every variant
 * has `before` and `after` (null on the side where the thing does not exist),
 * so the inverse of a delta swaps them.
 */
export type Delta =
  | { kind: 'date-changed'; field: 'approvedOn' | 'effectiveOn'; before: string; after: string }
  | {
      kind: 'effective-basis-changed';
      before: EffectiveOnBasis;
      after: EffectiveOnBasis;
    }
  | { kind: 'summary-changed'; before: string; after: string }
  | { kind: 'notice-changed'; before: NoticeFacts; after: NoticeFacts }
  | { kind: 'code-added'; code: string; before: null; after: CodeFacts }
  | { kind: 'code-removed'; code: string; before: CodeFacts; after: null }
  | {
      kind: 'code-changed';
      code: string;
      field: 'label' | 'system' | 'deleted';
      before: CodeFacts;
      after: CodeFacts;
    }
  | { kind: 'source-added'; line: LineOfBusiness; id: string; before: null; after: SourceFacts }
  | { kind: 'source-removed'; line: LineOfBusiness; id: string; before: SourceFacts; after: null }
  | { kind: 'source-replaced'; line: LineOfBusiness; before: SourceFacts; after: SourceFacts }
  | {
      kind: 'source-changed';
      line: LineOfBusiness;
      id: string;
      field: 'kind' | 'title' | 'edition' | 'retirement' | 'content';
      before: SourceFacts;
      after: SourceFacts;
    }
  | {
      kind: 'stated-none-changed';
      line: LineOfBusiness;
      sourceKind: CriteriaSourceKind;
      before: boolean;
      after: boolean;
    }
  | {
      kind: 'criteria-silence-changed';
      line: LineOfBusiness;
      before: string | null;
      after: string | null;
    }
  | {
      /** A route that changes between the two revisions, by the readings edition (a reading, never a fact). */
      kind: 'route-changed';
      line: LineOfBusiness;
      indication: string;
      /** Set when the readings route the indication by technique. */
      technique: Technique | null;
      before: RouteFacts;
      after: RouteFacts;
    }
  | { kind: 'indication-added'; id: string; before: null; after: IndicationFacts }
  | { kind: 'indication-removed'; id: string; before: IndicationFacts; after: null }
  | {
      kind: 'indication-changed';
      id: string;
      field: 'label' | 'namedIn';
      before: IndicationFacts;
      after: IndicationFacts;
    }
  | { kind: 'unnamed-indication-added'; key: string; before: null; after: UnnamedIndicationFacts }
  | { kind: 'unnamed-indication-removed'; key: string; before: UnnamedIndicationFacts; after: null }
  | {
      kind: 'unnamed-indication-changed';
      key: string;
      before: UnnamedIndicationFacts;
      after: UnnamedIndicationFacts;
    }
  | { kind: 'documentation-added'; id: string; before: null; after: DocumentationFacts }
  | { kind: 'documentation-removed'; id: string; before: DocumentationFacts; after: null }
  | {
      kind: 'documentation-changed';
      id: string;
      field: 'label' | 'kind' | 'specialty' | 'lookbackMonths';
      before: DocumentationFacts;
      after: DocumentationFacts;
    };

/**
 * The kinds of change, one per variant of {@link Delta}.
 *
 * @example const added = diff.changes.filter((c) => c.kind === 'indication-added');
 */
export type ChangeKind = Delta['kind'];

/**
 * What every classified change adds to its delta.
 *
 * @example { subject: 'code:77418', area: 'codes', impact: 'administrative', rule: 'deleted-code-removed', lines: ['medicare', 'non-medicare'] }
 */
export interface Classification {
  /** A stable key of the thing that changed, e.g. `indication:lung-cancer`, `code:77418`. */
  subject: string;
  area: Area;
  impact: Impact;
  /** The id of the rule that classified it (see `rules`). */
  rule: RuleId;
  /** Lines of business whose members the change concerns (empty for the revision record itself). */
  lines: LineOfBusiness[];
  /** A word diff, when the change is to a prose field. */
  prose?: ProseDiff;
}

/**
 * A classified change between two revisions.
 *
 * @example
 * for (const c of diff.changes) if (c.kind === 'indication-added') console.log(c.after.label, c.impact, c.rule);
 */
export type Change = Delta & Classification;

/**
 * The changes from one revision to another.
 *
 * @example const { from, to, changes, impact, counts } = diffRevisions(a, b);
 */
export interface RevisionDiff {
  from: RevisionRef;
  to: RevisionRef;
  /** In a stable order: record, notice, codes, criteria, indications, documentation. */
  changes: Change[];
  /** The strongest impact among the changes (`none` when there are none). */
  impact: Impact | 'none';
  counts: Record<Impact, number>;
  /** The readings edition the route changes come from; null when none was given. */
  readings: ReadingsRef | null;
}
