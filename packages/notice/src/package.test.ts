import { exportedNames } from '@criteria/testing';
import { describe, expect, it } from 'vitest';
import * as api from './index.js';

describe('public API', () => {
  it('exports exactly these names', () => {
    expect(exportedNames(api)).toMatchInlineSnapshot(`
      [
        "ChangeNoticeSchema",
        "ChangelogEntrySchema",
        "ChangelogSchema",
        "NoticeChangeSchema",
        "NoticeCodeSchema",
        "buildChangelog",
        "buildNotice",
        "describeChange",
        "renderChangelogJson",
        "renderChangelogMarkdown",
        "renderDiffMarkdown",
        "renderDiffText",
        "renderNoticeBrief",
        "renderNoticeHtml",
        "renderNoticeJson",
        "renderNoticeMarkdown",
        "renderReadingsMarkdown",
      ]
    `);
  });
});
