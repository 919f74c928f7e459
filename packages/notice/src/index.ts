/**
 * Change notices and changelogs of a policy's revisions, rendered as Markdown,
 * standalone HTML and JSON. Every output is deterministic: no clock is read.
 *
 * @example
 * import { buildNotice, renderNoticeHtml } from '@criteria/notice';
 * const notice = buildNotice(imrt, '2021-03-02');
 * notice.noticeDueBy; // => '2021-06-02'
 * writeFileSync('notice.html', renderNoticeHtml(notice));
 */
export {
  buildChangelog,
  type Changelog,
  type ChangelogEntry,
  ChangelogEntrySchema,
  ChangelogSchema,
} from './changelog.js';
export { type ChangeDescription, type DescribeOptions, describeChange } from './describe.js';
export {
  type Basis,
  buildNotice,
  type ChangeNotice,
  ChangeNoticeSchema,
  type NoticeChange,
  NoticeChangeSchema,
  NoticeCodeSchema,
  type NoticeOptions,
  type NoticeReading,
} from './notice.js';
export { renderReadingsMarkdown } from './readings-doc.js';
export { renderNoticeHtml } from './render-html.js';
export { renderChangelogJson, renderNoticeJson } from './render-json.js';
export {
  renderChangelogMarkdown,
  renderDiffMarkdown,
  renderNoticeBrief,
  renderNoticeMarkdown,
} from './render-markdown.js';
export { renderDiffText } from './render-text.js';
