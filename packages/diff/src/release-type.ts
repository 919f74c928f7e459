import type { Impact } from './change.js';

/**
 * A semver bump, as changesets names it; `none` when nothing changed.
 *
 * @example const bump: ReleaseType = releaseType(diff.impact);
 */
export type ReleaseType = (typeof RELEASE_TYPES)[number];

/** Every {@link ReleaseType}, largest bump first. */
export const RELEASE_TYPES = ['major', 'minor', 'patch', 'none'] as const;

/**
 * The version bump a policy package takes for a change of this impact: a
 * restriction is breaking for providers (major), and so is a substantive change
 * whose direction the record does not show (it may restrict); an expansion adds
 * coverage (minor); an administrative change, or one of the revision record
 * alone, fixes the record (patch).
 *
 * @example releaseType('expands-coverage') // => 'minor'
 */
export function releaseType(impact: Impact | 'none'): ReleaseType {
  switch (impact) {
    case 'restricts-coverage':
    case 'substantive':
      return 'major';
    case 'expands-coverage':
      return 'minor';
    case 'administrative':
    case 'record':
      return 'patch';
    case 'none':
      return 'none';
  }
}
