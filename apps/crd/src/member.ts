import { asArray, asObject, codingsOf, type Resource } from './internal/hook-request.js';

/** A line of business in the words of the service (DESIGN section 5). */
export type CrdLineOfBusiness = 'medicare' | 'non-medicare';

/** What a deployment's member lookup answers for a member. */
export type MemberLookupResult =
  | { status: 'found'; lineOfBusiness: CrdLineOfBusiness | null }
  | { status: 'not-found' };

/**
 * A deployment's member directory. None by default: then the line of business
 * comes from the Coverage (class map, SOPT coding) or is unknown.
 *
 * @example
 * const lookup: MemberLookup = {
 *   async find({ patient }) {
 *     const row = await members.byIdentifier(patient?.identifier);
 *     return row ? { status: 'found', lineOfBusiness: row.medicare ? 'medicare' : 'non-medicare' } : { status: 'not-found' };
 *   },
 * };
 */
export interface MemberLookup {
  find(input: { patient: Resource | undefined; coverage: Resource }): Promise<MemberLookupResult>;
}

/** One member of a table lookup, matched by an identifier of the Patient or the Coverage. */
export interface MemberTableEntry {
  identifier: { system?: string; value: string };
  lineOfBusiness: CrdLineOfBusiness | null;
}

const identifiersOf = (r: Resource | undefined): { system?: string; value?: string }[] =>
  asArray(r?.identifier)
    .map(asObject)
    .filter((i) => i !== undefined)
    .map((i) => ({
      ...(typeof i.system === 'string' ? { system: i.system } : {}),
      ...(typeof i.value === 'string' ? { value: i.value } : {}),
    }));

/**
 * A member lookup from a fixed table (configuration file): a member is found
 * when the Patient's or the Coverage's identifiers (or `subscriberId`) match.
 *
 * @example
 * tableMemberLookup([{ identifier: { system: 'urn:plan:member', value: 'M1' }, lineOfBusiness: 'medicare' }]);
 */
export const tableMemberLookup = (entries: readonly MemberTableEntry[]): MemberLookup => ({
  async find({ patient, coverage }) {
    const ids = [...identifiersOf(patient), ...identifiersOf(coverage)];
    if (typeof coverage.subscriberId === 'string') ids.push({ value: coverage.subscriberId });
    const hit = entries.find((e) =>
      ids.some(
        (i) =>
          i.value === e.identifier.value &&
          (e.identifier.system === undefined || i.system === e.identifier.system),
      ),
    );
    return hit ? { status: 'found', lineOfBusiness: hit.lineOfBusiness } : { status: 'not-found' };
  },
});

export const SOPT = 'https://nahdo.org/sopt';
const COVERAGE_CLASS = 'http://terminology.hl7.org/CodeSystem/coverage-class';

/** How the line of business was found, for the stored assertion and the reason text. */
export type LineOfBusinessBasis = 'member-lookup' | 'coverage-class' | 'sopt' | 'unknown';

/**
 * The line of business from the Coverage alone: the configured map of its
 * `class` of type `plan`, then a Source of Payment Typology coding in
 * `Coverage.type` (codes starting with 1: Medicare). Otherwise null: unknown.
 */
export const lineOfBusinessFromCoverage = (
  coverage: Resource,
  classMap: Readonly<Record<string, CrdLineOfBusiness>>,
): { lineOfBusiness: CrdLineOfBusiness; basis: LineOfBusinessBasis } | null => {
  for (const cls of asArray(coverage.class).map(asObject)) {
    const isPlan = codingsOf(cls?.type).some(
      (c) => c.code === 'plan' && (c.system === undefined || c.system === COVERAGE_CLASS),
    );
    const value = cls?.value;
    if (isPlan && typeof value === 'string' && Object.hasOwn(classMap, value)) {
      const lob = classMap[value];
      if (lob) return { lineOfBusiness: lob, basis: 'coverage-class' };
    }
  }
  const sopt = codingsOf(coverage.type).find(
    (c) => c.system === SOPT && typeof c.code === 'string' && /^\d+$/.test(c.code),
  );
  if (sopt?.code) {
    return {
      lineOfBusiness: sopt.code.startsWith('1') ? 'medicare' : 'non-medicare',
      basis: 'sopt',
    };
  }
  return null;
};
