import type { ReadingsEdition, ReadingsSlice } from './readings.js';

/**
 * The part of an edition an evaluator may read for one revision.
 *
 * @example sliceFor(edition, '2020-07-07').readings.map((r) => r.id)
 */
export function sliceFor(edition: ReadingsEdition, revisionId: string): ReadingsSlice {
  return {
    ref: { edition: edition.edition, sha256: edition.sha256 },
    readings: edition.readings.filter((r) => r.appliesTo.includes(revisionId)),
    shorthands: edition.shorthands,
    diagnosisMap: edition.diagnosisMap,
  };
}
