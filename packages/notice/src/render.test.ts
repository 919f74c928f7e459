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
    expect(first).toContain('> “Widget therapy criteria \\<reinstated\\> & reviewed”');
    expect(first).toContain('there is no earlier revision to compare it with');
    expect(first).toContain(
      'Revision 2020-01-07 was superseded before it took effect: revision 2020-02-04, approved 2020-02-04, takes effect 2020-03-01. Revision 2020-01-07 governed no date of service, only decisions made before 2020-02-04 about dates of service from 2020-03-01.',
    );
    expect(first).toContain('- **Advance notice:** not stated');
  });

  it('follow the provider letter: production date, Applies to, Effective <date>, and a section on readings', () => {
    const md = renderNoticeMarkdown(buildNotice(widget, '2022-03-02'));
    expect(md).toContain('Produced: 2022-06-02');
    expect(md).toContain(
      'Applies to: Medicare members; Non-Medicare members. Networks: not stated.',
    );
    expect(md).toContain(
      'Effective 2022-08-01, revision 2022-03-02 of the clinical review criteria for Widget Therapy governs dates of service, replacing revision 2021-05-01.',
    );
    expect(md).toContain('## How we read the record');
    expect(md).toContain('- **`condition-beta-before-2022-03-02`** (reading):');
    expect(md).toContain(
      '| **Reading** (`condition-beta-before-2022-03-02`, `others-criteria-review`) |',
    );
    expect(
      renderNoticeMarkdown(buildNotice(widget, '2022-03-02', { producedOn: '2022-05-01' })),
    ).toContain('Produced: 2022-05-01');
    const html = renderNoticeHtml(buildNotice(widget, '2022-03-02'));
    expect(html).toContain('<h2 id="how">How we read the record</h2>');
    expect(html).toContain('<span class="reading">Reading</span>');
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
  const d = diffRevisions(a as never, c as never, { readings: shortNotice.readings[0] });

  it('text shows each change with impact, rule, the readings of a route change, and a wdiff of prose', () => {
    const text = renderDiffText(d, 'widget');
    expect(text.split('\n')[0]).toMatch(
      /^widget 2020-01-07 -> 2021-05-01: \d+ changes \(\d+ expand coverage, \d+ restrict coverage, \d+ substantive, 1 administrative, 4 of the record\); overall: /,
    );
    expect(text).toContain('administrative · deleted-code-removed · All lines of business');
    expect(text).toContain(
      'Non-Medicare members: requests for condition-alpha go to criteria review (before: medical director review). This is our reading of the record, not its words.\n    basis: reading condition-alpha-before-2020-02-04 -> others-criteria-review',
    );
    expect(text).toContain(
      '[-Widget therapy criteria <reinstated> & reviewed-]{+Adds condition gamma, which needs medical director review+}',
    );
    expect(text).not.toMatch(/“/);
  });

  it('Markdown is a table with the rule and basis of each change', () => {
    const md = renderDiffMarkdown(d, 'widget');
    expect(md).toContain('| # | Change (our summary) | Members | Effect | Rule | Basis |');
    expect(md).toContain('`deleted-code-removed` | Revision data |');
  });
});

describe('renderNoticeBrief', () => {
  it('gives the figures, the changes with their basis and the readings in a few lines', () => {
    const lines = renderNoticeBrief(buildNotice(shortNotice, '2022-03-02')).split('\n');
    expect(lines.slice(0, 6)).toEqual([
      '**Widget Therapy**, revision 2022-03-02: effective 2022-04-01 (stated); restricts coverage.',
      '',
      '- Approved 2022-03-02, replacing revision 2021-05-01.',
      "- Advance notice: 60 days' advance notice required (stated); due by 2022-01-31.",
      '- Lead time: 30 days from approval to effect: does NOT meet the 60-day notice period.',
      '- Applies to: Medicare members; Non-Medicare members. Networks: not stated.',
    ]);
    expect(lines).toContain(
      '- Administrative: Medicare members: billing article A00001 is replaced by billing article A00002 (Billing and coding: widget therapy). (Stated: source:6 “article A00002 Billing and coding: widget therapy”)',
    );
    expect(lines).toContain(
      '- Restricts coverage: Non-Medicare members: requests for Condition alpha \\<a\\|b\\> go to medical director review (before: criteria review). This is our reading of the record, not its words. (**Reading** (`others-criteria-review`, `alpha-medical-director-review`))',
    );
    expect(lines.at(-2)).toMatch(/^- Readings it depends on: `medicare-criteria-review`, /);
    expect(lines.at(-1)).toBe(`- Content hash (sha256): \`${shortNotice.revisions[3]?.sha256}\``);
  });
});
