/**
 * A changesets changelog formatter that writes policy change notices into
 * CHANGELOG.md. Wire it in `.changeset/config.json`:
 *
 * @example
 * // .changeset/config.json
 * // "changelog": "@criteria/changelog-formatter"   (the policies come from @criteria/registry)
 * // .changeset/apbi.md: '@criteria/policy-imrt': minor, then "imrt@2023-01-10: ..."
 */
import {
  type ChangesetEntry,
  type FormatterOptions,
  getDependencyReleaseLine,
  getReleaseLine,
  revisionRefs,
} from './release-line.js';

export type { ChangesetEntry, FormatterOptions };
export { getDependencyReleaseLine, getReleaseLine, revisionRefs };

/**
 * The functions changesets calls, as its `ChangelogFunctions`.
 *
 * @example import formatter from '@criteria/changelog-formatter'; await formatter.getReleaseLine(cs, 'minor', opts);
 */
const formatter = { getReleaseLine, getDependencyReleaseLine };
export default formatter;
