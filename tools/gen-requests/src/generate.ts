import { dayNumber, isoOfDay } from '@criteria/calendar';
import type { EvaluationRequestInput } from '@criteria/evaluator';
import { imrt } from '@criteria/policy-imrt';
import type { LoadedPolicy } from '@criteria/schema';
import { type Rng, seeded } from './prng.js';

/** What to generate. */
export interface GenerateOptions {
  count: number;
  /** An unsigned 32-bit integer: the same seed gives byte-identical output. */
  seed: number;
  /** Default: IMRT. Codes, indications, diagnoses and documentation are read from it. */
  policy?: LoadedPolicy;
}

// Realistic neighbours of the policy's codes and diagnoses that are *not* in it.
const OUT_OF_SCOPE_CODES = [
  '77280',
  '77295',
  '77300',
  '77334',
  '77336',
  '77412',
  '77427',
  '77014',
  'G6001',
  'G6002',
];
const UNMAPPED_DIAGNOSES = ['C71.9', 'C20', 'C53.9', 'C18.7', 'C67.9', 'C64.1'];
const OTHER_DOCUMENTS = [
  { kind: 'imaging-report', specialty: 'radiology' },
  { kind: 'pathology-report', specialty: 'pathology' },
  { kind: 'clinical-notes', specialty: 'primary-care' },
];
const FIRST_DAY = dayNumber(2015, 1, 1);
const LAST_DAY = dayNumber(2026, 12, 31);

/** What a policy offers to draw from, computed once. */
interface Palette {
  policyId: string;
  currentCodes: string[];
  retiredCodes: string[];
  indications: string[];
  rows: { prefix: string; indication: string | null; technique: boolean; mediastinal: boolean }[];
  requiredDocuments: { kind: string; specialty: string; lookbackMonths: number }[];
}

function palette(policy: LoadedPolicy): Palette {
  const last = policy.revisions.at(-1);
  const currentCodes = last ? last.codes.map((c) => c.code) : [];
  const everCodes = new Set(policy.revisions.flatMap((r) => r.codes.map((c) => c.code)));
  const indications = new Set<string>();
  for (const r of policy.revisions) for (const i of r.indications) indications.add(i.id);
  const map = policy.readings.at(-1)?.diagnosisMap.rows ?? [];
  const techniqueTargets = new Set(policy.readings.at(-1)?.shorthands.map((s) => s.indication));
  for (const row of map) if (row.indication) indications.add(row.indication);
  for (const s of policy.readings.at(-1)?.shorthands ?? []) indications.add(s.id);
  const docs = new Map<string, Palette['requiredDocuments'][number]>();
  for (const r of policy.revisions)
    for (const d of r.documentation)
      docs.set(`${d.kind}/${d.specialty}`, {
        kind: d.kind,
        specialty: d.specialty,
        lookbackMonths: d.lookbackMonths,
      });
  return {
    policyId: policy.id,
    currentCodes,
    retiredCodes: [...everCodes].filter((c) => !currentCodes.includes(c)),
    indications: [...indications],
    rows: map.map((row) => ({
      prefix: row.prefix,
      indication: row.indication ?? null,
      // A diagnosis never establishes a technique: rows of an indication a shorthand names a technique for may carry one.
      technique: techniqueTargets.has(row.indication),
      mediastinal: row.when?.mediastinalInvolvement !== undefined,
    })),
    requiredDocuments: [...docs.values()],
  };
}

/** A code of the ICD-10-CM category `prefix`: the category itself or a subcategory, with or without the dot. */
function diagnosisIn(rng: Rng, prefix: string): string {
  if (prefix.includes('.')) return rng.chance(0.9) ? prefix : prefix.replace('.', '');
  if (rng.chance(0.2)) return prefix;
  let sub = String(rng.int(0, 9));
  if (rng.chance(0.6)) sub += String(rng.int(0, 9));
  if (rng.chance(0.25)) sub += String(rng.int(0, 9));
  return rng.chance(0.95) ? `${prefix}.${sub}` : `${prefix}${sub}`;
}

function procedureCodes(rng: Rng, p: Palette): string[] {
  const n = 1 + (rng.chance(0.5) ? 1 : 0) + (rng.chance(0.15) ? 1 : 0);
  const codes: string[] = [];
  while (codes.length < n) {
    // 80% in scope today, 5% in scope only before 2020-07-07 (77418), 15% never in scope.
    const roll = rng.next();
    const code =
      roll < 0.8
        ? rng.pick(p.currentCodes)
        : roll < 0.85 && p.retiredCodes.length > 0
          ? rng.pick(p.retiredCodes)
          : rng.pick(OUT_OF_SCOPE_CODES);
    if (!codes.includes(code)) codes.push(code);
  }
  return codes;
}

function request(rng: Rng, p: Palette, index: number, seed: number): EvaluationRequestInput {
  const lineOfBusiness = rng.chance(0.35) ? 'medicare' : 'non-medicare';
  const dos = rng.int(FIRST_DAY, LAST_DAY);
  const requestDay = rng.chance(0.75) ? dos - rng.int(0, 45) : null;
  const asOfDay = rng.chance(0.03) ? dos - rng.int(0, 400) : null;
  const codes = procedureCodes(rng, p);

  // How the indication is given: stated, from diagnoses, or both (sometimes disagreeing).
  const mode = rng.next();
  let indication: string | undefined;
  let diagnoses: string[] | undefined;
  let breast = false;
  let lymphoma = false;
  if (mode < 0.45) {
    indication = rng.pick(p.indications);
  } else {
    const n = rng.chance(0.8) ? 1 : 2;
    diagnoses = [];
    for (let i = 0; i < n; i++) {
      if (rng.chance(0.15)) {
        diagnoses.push(rng.pick(UNMAPPED_DIAGNOSES));
        continue;
      }
      const row = rng.pick(p.rows);
      diagnoses.push(diagnosisIn(rng, row.prefix));
      breast ||= row.technique;
      lymphoma ||= row.mediastinal;
      if (mode >= 0.8 && indication === undefined)
        indication = rng.chance(0.8) && row.indication ? row.indication : rng.pick(p.indications);
    }
  }
  if (indication?.startsWith('breast')) breast = true;
  if (indication?.startsWith('lymphoma')) lymphoma = true;

  const reference = requestDay ?? dos;
  const documentation: { kind: string; specialty: string; date: string }[] = [];
  for (const need of p.requiredDocuments)
    if (rng.chance(0.8))
      documentation.push({
        kind: need.kind,
        specialty: need.specialty,
        // Mostly recent; some older than the lookback window, a few after the reference date.
        date: isoOfDay(reference - rng.int(-10, need.lookbackMonths * 30 + 120)),
      });
  if (rng.chance(0.2)) {
    const other = rng.pick(OTHER_DOCUMENTS);
    documentation.push({ ...other, date: isoOfDay(reference - rng.int(0, 365)) });
  }

  const technique = (breast ? rng.chance(0.5) : rng.chance(0.02)) ? ('apbi' as const) : undefined;
  const roll = lymphoma ? rng.next() : 1;
  const mediastinalInvolvement = roll < 0.8 ? roll < 0.5 : undefined;
  const requestId = rng.chance(0.6) ? `req-${seed}-${index}` : undefined;
  const member = rng.chance(0.6)
    ? {
        id: `M${String(rng.int(0, 999_999_999)).padStart(9, '0')}`,
        group: `G${rng.int(1000, 9999)}`,
      }
    : undefined;
  // Built in one literal so the key order (and so the output) is fixed.
  return {
    policy: p.policyId,
    lineOfBusiness,
    dateOfService: isoOfDay(dos),
    ...(requestDay === null ? {} : { requestDate: isoOfDay(requestDay) }),
    ...(asOfDay === null ? {} : { asOf: isoOfDay(asOfDay) }),
    procedureCodes: codes,
    ...(indication === undefined ? {} : { indication }),
    ...(diagnoses === undefined ? {} : { diagnoses }),
    ...(technique === undefined ? {} : { technique }),
    ...(mediastinalInvolvement === undefined ? {} : { mediastinalInvolvement }),
    documentation,
    ...(requestId === undefined ? {} : { requestId }),
    ...(member === undefined ? {} : { member }),
  };
}

/**
 * Seeded synthetic requests: a mix of codes in and out of scope (77418
 * included), stated indications and ICD-10-CM diagnoses from the policy's
 * diagnosis table (and some outside it), documentation of every age, both
 * lines of business, dates of service 2015-2026, an optional request date and,
 * rarely, a knowledge date. Every request is valid; synthetic member ids ride
 * along so that tools which must drop them can be checked.
 *
 * @example
 * for (const request of generateRequests({ count: 3, seed: 1 })) console.log(request.dateOfService);
 */
export function* generateRequests(options: GenerateOptions): Generator<EvaluationRequestInput> {
  const rng = seeded(options.seed);
  const p = palette(options.policy ?? imrt);
  for (let i = 1; i <= options.count; i++) yield request(rng, p, i, options.seed);
}

/**
 * The same requests as NDJSON text, in chunks of about `chunkSize` characters
 * (whole lines, each ending with a newline), for writing with backpressure.
 *
 * @example
 * for (const chunk of generateNdjson({ count: 1000, seed: 1 })) process.stdout.write(chunk);
 */
export function* generateNdjson(
  options: GenerateOptions & { chunkSize?: number },
): Generator<string> {
  const size = options.chunkSize ?? 1 << 16;
  let chunk = '';
  for (const r of generateRequests(options)) {
    chunk += `${JSON.stringify(r)}\n`;
    if (chunk.length >= size) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}
