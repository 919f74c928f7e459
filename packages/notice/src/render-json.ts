import { type Changelog, ChangelogSchema } from './changelog.js';
import { type ChangeNotice, ChangeNoticeSchema } from './notice.js';

/**
 * A change notice as JSON (validated against `ChangeNoticeSchema`, keys in schema order).
 *
 * @example JSON.parse(renderNoticeJson(buildNotice(imrt, '2023-01-10'))).noticeDueBy // => '2023-04-02'
 */
export const renderNoticeJson = (notice: ChangeNotice): string =>
  `${JSON.stringify(ChangeNoticeSchema.parse(notice), null, 2)}\n`;

/**
 * The changelog as JSON (validated against `ChangelogSchema`).
 *
 * @example JSON.parse(renderChangelogJson(buildChangelog(imrt))).entries[0].revision // => '2023-01-10'
 */
export const renderChangelogJson = (changelog: Changelog): string =>
  `${JSON.stringify(ChangelogSchema.parse(changelog), null, 2)}\n`;
