/**
 * The IMRT clinical review criteria of Kaiser Foundation Health Plan of
 * Washington, one module per revision of the revision table (source:143-151).
 *
 * @example
 * import { imrt } from '@criteria/policy-imrt';
 * imrt.revisions.map((r) => r.id); // ['2015-07-07', ..., '2023-01-10']
 */
import { definePolicy } from '@criteria/schema';
import input from './input.js';

/**
 * The IMRT policy: validated, hashed and frozen when this module loads. The
 * build replaces this module's output with the policy validated and hashed at
 * build time (scripts/build-frozen.mjs), so the built package validates nothing
 * at import; lint checks the hashes against the lock files.
 */
export const imrt = definePolicy(input);

/** The source document's path relative to the package root. */
export const sourceDocumentPath = new URL(
  '../source/imrt-clinical-review-criteria.txt',
  import.meta.url,
);
