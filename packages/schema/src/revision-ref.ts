import { IsoDateSchema } from '@criteria/calendar';
import { z } from 'zod';
import { EffectiveOnBasisSchema } from './policy.js';

/**
 * A sha256 content hash, 64 lower-case hex digits.
 *
 * @example Sha256Schema.parse(imrt.revisions[0].sha256)
 */
export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 hex digits');

/**
 * How an output names a revision (`revisionRef`): its id (the approval date),
 * dates, how the effective date was read, and its content hash.
 *
 * @example RevisionRefSchema.parse(revisionRef(imrt.revisions[6])).effectiveOn // => '2021-08-01'
 */
export const RevisionRefSchema = z.object({
  id: IsoDateSchema,
  approvedOn: IsoDateSchema,
  effectiveOn: IsoDateSchema,
  effectiveOnBasis: EffectiveOnBasisSchema,
  sha256: Sha256Schema,
});
