import { diffRevisions } from '@criteria/diff';
import { fixturePolicy as widget } from '@criteria/fixture-policy';
import { type DefaultTreeAdapterMap, parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { shortNotice } from '../test/short-notice.js';
import { buildNotice } from './notice.js';
import { renderNoticeHtml } from './render-html.js';
import { renderNoticeJson } from './render-json.js';
import { renderDiffMarkdown, renderNoticeBrief, renderNoticeMarkdown } from './render-markdown.js';
import { renderDiffText } from './render-text.js';

type Node = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['document'];
const elements = (node: Node, name: string): DefaultTreeAdapterMap['element'][] => {
  const out: DefaultTreeAdapterMap['element'][] = [];
  const walk = (n: Node) => {
    if ('tagName' in n && n.tagName === name) out.push(n);
    if ('childNodes' in n) for (const c of n.childNodes) walk(c as Node);
    if ('content' in n && n.content) walk(n.content as unknown as Node);
  };
  walk(node);
  return out;
};
const attr = (e: DefaultTreeAdapterMap['element'], name: string) =>
  e.attrs.find((a) => a.name === name)?.value;

describe('renderNoticeHtml', () => {
  const html = renderNoticeHtml(buildNotice(shortNotice, '2022-03-02'));

  it('is a standalone, parseable page with no script and no external asset', () => {
    const errors: string[] = [];
    const doc = parse(html, { onParseError: (e) => errors.push(e.code) });
    expect(errors).toEqual([]);
    expect(attr(elements(doc, 'html')[0] as never, 'lang')).toBe('en');
    expect(elements(doc, 'title')).toHaveLength(1);
    expect(elements(doc, 'h1')).toHaveLength(1);
    expect(elements(doc, 'script')).toEqual([]);
    expect(elements(doc, 'link')).toEqual([]);
    expect(elements(doc, 'img')).toEqual([]);
    expect(html).not.toMatch(/\b(?:src|href)=|url\(|@import/);
  });

  it('every table has a caption and header cells with a scope', () => {
    const doc = parse(html);
    const tables = elements(doc, 'table');
    expect(tables.length).toBe(3);
    for (const t of tables) {
      expect(elements(t as never, 'caption')).toHaveLength(1);
      const th = elements(t as never, 'th');
      expect(th.length).toBeGreaterThan(0);
      for (const h of th) expect(['col', 'row']).toContain(attr(h, 'scope'));
    }
  });

  it('escapes the data and says plainly when the notice period is not met', () => {
    expect(html).toContain('Condition alpha &lt;a|b&gt;');
    expect(html).not.toContain('<a|b>');
    expect(html).toContain(
      '<strong class="breach">does not meet</strong> the 60-day notice period',
    );
    expect(html).toContain(
      '<tr><th scope="row">Notice due by</th><td><time datetime="2022-01-31">2022-01-31</time></td></tr>',
    );
  });
});

describe('renderNoticeMarkdown and renderNoticeJson', () => {
  it('state the figures and escape Markdown in the data', () => {
    const md = renderNoticeMarkdown(buildNotice(widget, '2022-03-02'));
    expect(md).toContain('- **Notice due by:** 2022-06-02');
    expect(md).toContain(
      '- **Lead time:** 152 days from approval to effect: meets the 60-day notice period',
    );
    const first = renderNoticeMarkdown(buildNotice(shortNotice, '2020-01-07'));
    expect(first).toContain('> Widget therapy criteria \\<reinstated\\> & reviewed');
    expect(first).toContain('there is no earlier revision to compare it with');
  });

  it('are deterministic: the same notice twice is the same text', () => {
    for (const r of widget.revisions) {
      const n = () => buildNotice(widget, r.id);
      expect(renderNoticeMarkdown(n())).toBe(renderNoticeMarkdown(n()));
      expect(renderNoticeHtml(n())).toBe(renderNoticeHtml(n()));
      expect(renderNoticeJson(n())).toBe(renderNoticeJson(n()));
    }
  });
});

describe('diff renderers', () => {
  const [a, , c] = shortNotice.revisions;
  const d = diffRevisions(a as never, c as never);

  it('text shows each change with impact, rule and a wdiff of prose', () => {
    const text = renderDiffText(d, 'widget');
    expect(text.split('\n')[0]).toBe(
      'widget 2020-01-07 -> 2021-05-01: 7 changes (1 expand coverage, 0 restrict coverage, 6 administrative); overall: expands coverage',
    );
    expect(text).toContain('administrative · deleted-code-removed · All lines of business');
    expect(text).toContain(
      'administrative · indication-added-medical-director-review · Commercial (non-Medicare)\n    Named indication: Condition gamma. Requests for it need medical director review.\n    revision statement: “Condition gamma needs medical director review.”',
    );
    expect(text).toContain(
      '[-Widget therapy criteria <reinstated> & reviewed-]{+Adds condition gamma, which needs medical director review+}',
    );
  });

  it('Markdown is a table with the rule of each change', () => {
    const md = renderDiffMarkdown(d, 'widget');
    expect(md).toContain('| # | Change | Members | Effect | Rule |');
    expect(md).toContain('`indication-added-medical-director-review`');
  });
});

describe('renderNoticeBrief', () => {
  it('gives the figures and the changes in a few lines', () => {
    expect(renderNoticeBrief(buildNotice(shortNotice, '2022-03-02'))).toBe(
      [
        '**Widget Therapy**, revision 2022-03-02: effective 2022-04-01 (stated); restricts coverage.',
        '',
        '- Approved 2022-03-02, replacing revision 2021-05-01.',
        "- Advance notice: 60 days' advance notice required (stated); due by 2022-01-31.",
        '- Lead time: 30 days from approval to effect: does NOT meet the 60-day notice period.',
        '- Lines of business: All lines of business.',
        '- Expands coverage: HCPCS Z0001 (Widget session) is added to the codes this policy covers.',
        '- Administrative: Medicare members: LCD L00002 is replaced by LCD L00001 “Widget therapy”.',
        '- Administrative: Medicare members: billing article A00001 is replaced by billing article A00002 “Billing and coding: widget therapy” (retired 2022-03-01; still applied).',
        '- Administrative: Commercial (non-Medicare) members: MCG guideline G-0001 “Widget therapy guideline”, edition 2022-01-01 is added to the criteria sources.',
        '- Restricts coverage: Medicare members: requests now follow the indication rules.',
        '- Restricts coverage: Condition alpha \\<a\\|b\\>: requests now need medical director review (before: reviewed against the criteria). Revision statement: “Condition alpha needs medical director review.”',
        "- Administrative: Condition alpha \\<a\\|b\\>: the revision record's statement changed. Revision statement: “Condition alpha needs medical director review.”",
        '- Expands coverage: Added indication: Condition beta. Requests for it are reviewed against the criteria. Revision statement: “Adds condition beta.”',
        `- Content hash (sha256): \`${shortNotice.revisions[3]?.sha256}\``,
      ].join('\n'),
    );
  });
});
