import { assertIsoDate, type IsoDate } from '@criteria/calendar/core';

/** The two dates the selection rule reads. Any revision-like record will do. */
export interface Dated {
  readonly approvedOn: IsoDate;
  readonly effectiveOn: IsoDate;
}

/** Options for a bitemporal selection. */
export interface AsOfOptions {
  /** Knowledge date: only revisions approved on or before it count. Default: everything approved. */
  asOf?: IsoDate | undefined;
}

/**
 * The bitemporal rule: among revisions with `approvedOn <= asOf` and
 * `effectiveOn <= dateOfService`, the latest `effectiveOn`, ties to the latest
 * `approvedOn`. `null` when none qualifies; never the nearest revision.
 * Dates must already be valid (see {@link inEffect} for the checked entry point).
 *
 * @example selectRevision(imrt.revisions, '2021-09-01', '2021-02-01')?.id // => '2020-07-07'
 */
export function selectRevision<R extends Dated>(
  revisions: readonly R[],
  dateOfService: IsoDate,
  asOf?: IsoDate,
): R | null {
  let best: R | null = null;
  for (const r of revisions) {
    if (r.effectiveOn > dateOfService) continue;
    if (asOf !== undefined && r.approvedOn > asOf) continue;
    if (
      best === null ||
      r.effectiveOn > best.effectiveOn ||
      (r.effectiveOn === best.effectiveOn && r.approvedOn > best.approvedOn)
    )
      best = r;
  }
  return best;
}

/**
 * The revision of `policy` that governs `dateOfService` as known on `asOf`.
 * Throws a `CriteriaError` (`invalid_date`) naming the value when a date is not
 * a real calendar date.
 *
 * @example inEffect(imrt, '2021-09-01', { asOf: '2021-02-01' })?.id // => '2020-07-07'
 */
export function inEffect<R extends Dated>(
  policy: { readonly revisions: readonly R[] },
  dateOfService: IsoDate,
  options: AsOfOptions = {},
): R | null {
  assertIsoDate(dateOfService, 'dateOfService');
  if (options.asOf !== undefined) assertIsoDate(options.asOf, 'asOf');
  return selectRevision(policy.revisions, dateOfService, options.asOf);
}
