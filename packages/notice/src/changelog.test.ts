import { fixturePolicy as widget } from '@criteria/fixture-policy';
import { describe, expect, it } from 'vitest';
import { shortNotice } from '../test/short-notice.js';
import { buildChangelog } from './changelog.js';
import { renderChangelogJson } from './render-json.js';
import { renderChangelogMarkdown } from './render-markdown.js';

describe('buildChangelog', () => {
  it('lists every revision newest first, each against the one it replaces', () => {
    const log = buildChangelog(widget);
    expect(log.entries.map((e) => [e.revision, e.replaces?.revision ?? null, e.impact])).toEqual([
      ['2022-03-02', '2021-05-01', 'restricts-coverage'],
      ['2021-05-01', '2020-02-04', 'expands-coverage'],
      ['2020-02-04', '2020-01-07', 'expands-coverage'],
      ['2020-01-07', null, 'none'],
    ]);
  });

  it('marks revisions that need no notice, and one that never governed', () => {
    const log = buildChangelog(widget);
    const first = log.entries[3];
    expect(first).toMatchObject({
      notice: { required: false },
      noticeDueBy: null,
      supersededBeforeEffective: { by: '2020-02-04' },
    });
    const md = renderChangelogMarkdown(log);
    expect(md).toContain('## 2020-01-07: effective 2020-03-01');
    expect(md).toContain(
      'Revision 2020-01-07 was superseded before it took effect: revision 2020-02-04, approved 2020-02-04, takes effect 2020-03-01. Revision 2020-01-07 governed no date of service',
    );
    expect(md).toContain('- **Advance notice:** not stated');
    expect(md).not.toContain('none required');
    expect(md).toContain(
      '- **Lead time:** 152 days from approval to effect: meets the 60-day notice period',
    );
    expect(renderChangelogMarkdown(buildChangelog(shortNotice))).toContain(
      '- **Lead time:** 30 days from approval to effect: does NOT meet the 60-day notice period',
    );
    expect(md.indexOf('## 2022-03-02')).toBeLessThan(md.indexOf('## 2021-05-01'));
  });

  it('renders JSON that parses back to the same changelog', () => {
    const log = buildChangelog(widget);
    expect(JSON.parse(renderChangelogJson(log))).toEqual(log);
  });
});
