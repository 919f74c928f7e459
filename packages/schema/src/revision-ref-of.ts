import type { LoadedRevision } from './define-policy.js';

/** How a revision is named in outputs: its id, dates and content hash. */
export interface RevisionRef {
  id: string;
  approvedOn: string;
  effectiveOn: string;
  effectiveOnBasis: LoadedRevision['effectiveOnBasis'];
  sha256: string;
}

/**
 * The reference to a revision that every output carries.
 *
 * @example revisionRef(imrt.revisions[6]) // => { id: '2021-03-02', approvedOn: '2021-03-02', effectiveOn: '2021-08-01', effectiveOnBasis: 'stated', sha256: '…' }
 */
export const revisionRef = (r: LoadedRevision): RevisionRef => ({
  id: r.id,
  approvedOn: r.approvedOn,
  effectiveOn: r.effectiveOn,
  effectiveOnBasis: r.effectiveOnBasis,
  sha256: r.sha256,
});
