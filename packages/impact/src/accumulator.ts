import { LISTED_ISSUES } from '@criteria/errors';
import { type Outcome as Decided, type Route, safeEvaluateOutcomes } from '@criteria/evaluator';
import { findRevision, type LoadedPolicy, revisionRef } from '@criteria/schema/core';
import { IMPACT_SCHEMA_VERSION, ROUTES } from './constants.js';
import { type LineBatch, lineOf } from './lines.js';
import type { Change, ChangeKind, Example, ImpactReport, InvalidLine, Outcome } from './report.js';

/** What to compare and how much detail to keep. */
export interface ImpactOptions {
  /** Revision id the requests are evaluated under first. */
  from: string;
  /** Revision id they are evaluated under second. */
  to: string;
  /** Examples kept per kind of change (default 3). */
  examples?: number;
  /** Invalid lines listed by number (default 100); all are counted. */
  maxInvalid?: number;
}

interface Tally {
  kind: ChangeKind;
  from: string;
  to: string;
  count: number;
  examples: Example[];
}

/**
 * The running state of an impact analysis, in a form that crosses a thread
 * boundary (plain data) and merges in any order to the same result.
 */
export interface ImpactPartial {
  total: number;
  blank: number;
  invalidCount: number;
  evaluated: number;
  routeChanged: number;
  unchanged: number;
  matrix: number[];
  invalid: InvalidLine[];
  tallies: Record<string, Tally>;
}

const KIND_ORDER: readonly ChangeKind[] = ['route', 'criteria', 'documentation'];
const routeIndex = new Map<Route, number>(ROUTES.map((r, i) => [r, i]));

const list = (items: readonly string[]) => (items.length === 0 ? '(none)' : items.join(', '));

// The criteria and documentation parts of an outcome come from the revision's decision table,
// shared by every request of a kind: their names and texts are computed once per part.
const appliedNames = new WeakMap<Decided['criteria'], string[]>();
const criteriaOf = (o: Decided): string[] => {
  if (o.route === 'not-applicable') return [];
  let names = appliedNames.get(o.criteria);
  if (names === undefined) {
    names = o.criteria.filter((c) => c.applied).map((c) => `${c.kind} ${c.id}`);
    appliedNames.set(o.criteria, names);
  }
  return names;
};
const NO_CRITERIA = list([]);
const criteriaTexts = new WeakMap<Decided['criteria'], string>();
/** `list(criteriaOf(o))`, one lookup per outcome. */
const criteriaText = (o: Decided): string => {
  if (o.route === 'not-applicable') return NO_CRITERIA;
  let text = criteriaTexts.get(o.criteria);
  if (text === undefined) {
    text = list(criteriaOf(o));
    criteriaTexts.set(o.criteria, text);
  }
  return text;
};
const requiredTexts = new WeakMap<readonly string[], string>();
const requiredText = (o: Decided): string => {
  const required = o.documentation.required;
  let text = requiredTexts.get(required);
  if (text === undefined) {
    text = `required ${list(required)}; `;
    requiredTexts.set(required, text);
  }
  return text;
};
// Per required list, its two states (complete, incomplete): shared strings, not built per line.
const docStates = new WeakMap<readonly string[], readonly [string, string]>();
const docState = (o: Decided): string => {
  const required = o.documentation.required;
  let states = docStates.get(required);
  if (states === undefined) {
    const text = requiredText(o);
    states = [`${text}complete`, `${text}incomplete`];
    docStates.set(required, states);
  }
  return states[o.documentation.missing.length === 0 ? 0 : 1];
};
/** Whether two outcomes' documentation states (docState) differ, without building them. */
const docChanged = (a: Decided, b: Decided): boolean =>
  (a.documentation.missing.length === 0) !== (b.documentation.missing.length === 0) ||
  (a.documentation.required !== b.documentation.required && requiredText(a) !== requiredText(b));

/** What the report shows of an outcome (only for the examples it keeps). */
const brief = (o: Decided): Outcome => ({
  route: o.route,
  criteria: [...criteriaOf(o)],
  documentation: {
    required: [...o.documentation.required],
    missing: [...o.documentation.missing],
  },
});

/** The request as an example shows it: member identifiers removed. */
function withoutMember(input: unknown): Record<string, unknown> {
  const { member: _member, requestId: _requestId, ...rest } = input as Record<string, unknown>;
  return rest;
}

/** Keeps the `n` entries with the smallest line numbers. */
const firstByLine = <T extends { line: number }>(items: T[], n: number): T[] =>
  items.sort((a, b) => a.line - b.line).slice(0, n);

/**
 * Evaluates requests under two revisions of a policy and tallies what differs:
 * the route (as a from→to matrix), the applied criteria sources and the
 * documentation. Feed it lines in order with {@link ImpactAccumulator.add}, or
 * merge partial results from other threads with {@link ImpactAccumulator.merge};
 * either way the report is the same.
 *
 * @example
 * const acc = new ImpactAccumulator(imrt, { from: '2021-03-02', to: '2023-01-10' });
 * acc.add(1, '{"policy":"imrt", ...}');
 * acc.report().routeChanged;
 */
export class ImpactAccumulator {
  private readonly examples: number;
  private readonly maxInvalid: number;
  private readonly revisions: readonly [string, string];
  /**
   * The tallies of `state.tallies` by kind, then from and to. The texts are the
   * shared strings of criteriaText, docState and the routes, whose hashes V8
   * keeps: a lookup builds no key string per line (most lines change something,
   * and a key joins two criteria lists). Bounded as `state.tallies` is: by the
   * texts two revisions' tables can give.
   */
  private readonly index: Record<ChangeKind, Map<string, Map<string, Tally>>> = {
    route: new Map(),
    criteria: new Map(),
    documentation: new Map(),
  };
  private state: ImpactPartial = {
    total: 0,
    blank: 0,
    invalidCount: 0,
    evaluated: 0,
    routeChanged: 0,
    unchanged: 0,
    matrix: new Array(ROUTES.length * ROUTES.length).fill(0),
    invalid: [],
    tallies: {},
  };

  constructor(
    private readonly policy: LoadedPolicy,
    private readonly options: ImpactOptions,
  ) {
    findRevision(policy, options.from, 'from');
    findRevision(policy, options.to, 'to');
    this.examples = options.examples ?? 3;
    this.maxInvalid = options.maxInvalid ?? 100;
    this.revisions = [options.from, options.to];
  }

  /**
   * Adds line `line` (1-based) of the request file. Never throws for bad input:
   * it is counted. A leading byte-order mark is ignored.
   */
  add(line: number, text: string): void {
    const s = this.state;
    s.total += 1;
    if (text.trim() === '') {
      s.blank += 1;
      return;
    }
    let input: unknown;
    try {
      input = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch {
      this.invalid(line, [{ path: '', expected: 'a JSON request on one line' }]);
      return;
    }
    // One validation; both revisions decided from their tables, outcome only.
    const r = safeEvaluateOutcomes(this.policy, input, this.revisions);
    if (!r.ok) {
      this.invalid(
        line,
        r.issues.map((i) => ({ path: i.path, expected: i.expected })),
      );
      return;
    }
    const from = r.value[0] as Decided;
    const to = r.value[1] as Decided;
    s.evaluated += 1;
    const i = routeIndex.get(from.route) ?? 0;
    const j = routeIndex.get(to.route) ?? 0;
    s.matrix[i * ROUTES.length + j] = (s.matrix[i * ROUTES.length + j] ?? 0) + 1;
    let changed = false;
    if (from.route !== to.route) {
      s.routeChanged += 1;
      changed = true;
      this.tally('route', from.route, to.route, line, input, from, to);
    }
    const criteriaFrom = criteriaText(from);
    const criteriaTo = criteriaText(to);
    if (criteriaFrom !== criteriaTo) {
      changed = true;
      this.tally('criteria', criteriaFrom, criteriaTo, line, input, from, to);
    }
    if (docChanged(from, to)) {
      changed = true;
      this.tally('documentation', docState(from), docState(to), line, input, from, to);
    }
    if (!changed) s.unchanged += 1;
  }

  /** Adds every line of a batch ({@link lineBatches}), as {@link ImpactAccumulator.add} would one by one. */
  addBatch(batch: LineBatch): void {
    const n = batch.bounds.length >> 1;
    for (let i = 0; i < n; i++) this.add(batch.first + i, lineOf(batch, i));
  }

  /**
   * Counts line `line` as invalid because it was longer than the reader's cap
   * (`length` characters); the reader did not keep its text.
   */
  addTooLong(line: number, length: number, maxLength?: number): void {
    this.state.total += 1;
    const n = (x: number) => x.toLocaleString('en-US');
    this.invalid(line, [
      {
        path: '',
        expected: `a request ${maxLength ? `of at most ${n(maxLength)} characters` : 'the reader can hold'} (this line has ${n(length)})`,
      },
    ]);
  }

  private invalid(line: number, issues: InvalidLine['issues']): void {
    this.state.invalidCount += 1;
    if (this.state.invalid.length < this.maxInvalid)
      this.state.invalid.push({
        line,
        issues: issues.slice(0, LISTED_ISSUES),
        ...(issues.length > LISTED_ISSUES && { more: issues.length - LISTED_ISSUES }),
      });
  }

  private tally(
    kind: ChangeKind,
    from: string,
    to: string,
    line: number,
    input: unknown,
    a: Decided,
    b: Decided,
  ): void {
    let byTo = this.index[kind].get(from);
    if (byTo === undefined) {
      byTo = new Map();
      this.index[kind].set(from, byTo);
    }
    let t = byTo.get(to);
    if (t === undefined) {
      // Not seen on this thread yet (or only merged in): the tally of its key, new or merged.
      const key = `${kind}\u0000${from}\u0000${to}`;
      t = this.state.tallies[key];
      if (t === undefined) {
        t = { kind, from, to, count: 0, examples: [] };
        this.state.tallies[key] = t;
      }
      byTo.set(to, t);
    }
    t.count += 1;
    if (t.examples.length < this.examples)
      t.examples.push({ line, request: withoutMember(input), from: brief(a), to: brief(b) });
  }

  /** The state so far, as plain data (for another thread to merge). */
  partial(): ImpactPartial {
    return this.state;
  }

  /** Folds in another accumulator's partial. Order does not matter: examples and invalid lines are kept by line number. */
  merge(other: ImpactPartial): void {
    const s = this.state;
    s.total += other.total;
    s.blank += other.blank;
    s.invalidCount += other.invalidCount;
    s.evaluated += other.evaluated;
    s.routeChanged += other.routeChanged;
    s.unchanged += other.unchanged;
    other.matrix.forEach((n, k) => {
      s.matrix[k] = (s.matrix[k] ?? 0) + n;
    });
    s.invalid = firstByLine([...s.invalid, ...other.invalid], this.maxInvalid);
    for (const [key, t] of Object.entries(other.tallies)) {
      const mine = s.tallies[key];
      if (mine === undefined) {
        s.tallies[key] = { ...t, examples: firstByLine([...t.examples], this.examples) };
        continue;
      }
      mine.count += t.count;
      mine.examples = firstByLine([...mine.examples, ...t.examples], this.examples);
    }
  }

  /** The report. */
  report(): ImpactReport {
    const s = this.state;
    const revision = (id: string) => revisionRef(findRevision(this.policy, id));
    const changes: Change[] = Object.values(s.tallies)
      .sort(
        (x, y) =>
          KIND_ORDER.indexOf(x.kind) - KIND_ORDER.indexOf(y.kind) ||
          y.count - x.count ||
          (x.from < y.from ? -1 : x.from > y.from ? 1 : 0) ||
          (x.to < y.to ? -1 : x.to > y.to ? 1 : 0),
      )
      .map((t) => ({ ...t, examples: firstByLine([...t.examples], this.examples) }));
    return {
      schemaVersion: IMPACT_SCHEMA_VERSION,
      policy: this.policy.id,
      from: revision(this.options.from),
      to: revision(this.options.to),
      lines: { total: s.total, blank: s.blank, invalid: s.invalidCount, evaluated: s.evaluated },
      routeChanged: s.routeChanged,
      unchanged: s.unchanged,
      matrix: {
        routes: [...ROUTES],
        counts: ROUTES.map((_, i) => s.matrix.slice(i * ROUTES.length, (i + 1) * ROUTES.length)),
      },
      changes,
      invalid: {
        lines: firstByLine([...s.invalid], this.maxInvalid),
        truncated: s.invalidCount > s.invalid.length,
      },
    };
  }
}
