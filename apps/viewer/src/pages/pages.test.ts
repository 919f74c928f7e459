import { beforeAll, describe, expect, it } from 'vitest';
import { TODAY, viewerData } from '../../test/support/browser.js';
import type { PolicyEntry } from '../data.js';
import { revisionFacts } from '../internal/facts.js';
import { diffPage } from './diff.js';
import { noticesPage } from './notices.js';
import { policyPage } from './policies.js';
import { revisionPage } from './revision.js';
import { redactLine, sourcePage } from './source.js';
import { timelineSvg } from './timeline-svg.js';

let entry: PolicyEntry;
beforeAll(async () => {
  entry = (await viewerData()).policies.find((e) => e.policy.id === 'imrt') as PolicyEntry;
});
const rev = (id: string) =>
  entry.policy.revisions.find((r) => r.id === id) as PolicyEntry['policy']['revisions'][number];

describe('timeline', () => {
  it('draws all eight revisions; 2015-07-07 never governs; notice due dates; today where injected', () => {
    const svg = timelineSvg(entry.policy, {
      today: '2022-02-03',
      noticeDue: { '2021-03-02': '2021-06-02' },
    });
    const groups = [...svg.matchAll(/<g data-revision="([^"]+)" data-status="([^"]+)">/g)].map(
      (m) => [m[1], m[2]],
    );
    expect(groups).toEqual(
      entry.policy.revisions.map((r) => [
        r.id,
        r.id === '2015-07-07' ? 'superseded-before-effective' : 'governs',
      ]),
    );
    expect(svg).toContain('never governed: superseded by 2015-09-08 before it took effect');
    expect(svg).toContain('notice due by 2021-06-02');
    expect(svg).toContain('data-today="2022-02-03"');
    expect(svg).toContain('role="img"');
  });

  it('the policy page lists every revision with its governing span and lock status', () => {
    const html = policyPage(entry, TODAY);
    expect(html).toContain('never: superseded by');
    expect(html.match(/<tr data-revision=/g)).toHaveLength(8);
    expect(html.match(/locked \(matches revisions\.lock\.json\)/g)).toHaveLength(8);
    expect(html).toContain('<time datetime="2023-04-02">2023-04-02</time>');
  });
});

describe('revision page', () => {
  it('every fact has a basis; every stated fact links to a source line that holds its quote', () => {
    const lines = (entry.source as string).split('\n');
    for (const r of entry.policy.revisions) {
      const facts = revisionFacts(r);
      expect(facts.length).toBeGreaterThan(15);
      for (const f of facts) {
        expect(['stated', 'reading', 'assumed', 'not-stated']).toContain(f.basis);
        if (f.basis === 'stated') expect(f.cites.length, `${r.id} ${f.label}`).toBeGreaterThan(0);
        if (f.basis === 'reading' || f.basis === 'assumed')
          expect(f.reading ?? '', `${r.id} ${f.label}`).not.toBe('');
        for (const c of f.cites) expect(lines[c.line - 1]).toContain(c.quote);
      }
      const html = revisionPage(entry, r);
      expect(html).toContain(r.sha256);
      expect(html).toContain('data-lock="locked"');
      for (const f of facts)
        for (const c of f.cites) expect(html).toContain(`href="../source.html#L${c.line}"`);
    }
    expect(revisionFacts(rev('2016-03-01')).find((f) => f.label === 'Effective on')?.basis).toBe(
      'assumed',
    );
    expect(revisionFacts(rev('2021-03-02')).find((f) => f.label === 'Effective on')?.basis).toBe(
      'stated',
    );
    expect(revisionFacts(rev('2015-09-08')).find((f) => f.label === 'Effective on')?.basis).toBe(
      'reading',
    );
  });

  it('says when a revision is not what the lock file records', () => {
    const r = rev('2023-01-10');
    const changed: PolicyEntry = {
      ...entry,
      lock: { status: 'ok', revisions: { [r.id]: '0'.repeat(64) } },
    };
    expect(revisionPage(changed, r)).toContain('data-lock="changed"');
    const unlocked: PolicyEntry = { ...entry, lock: { status: 'ok', revisions: {} } };
    expect(revisionPage(unlocked, r)).toContain('data-lock="not-locked"');
  });
});

describe('source page', () => {
  it('anchors every line, highlights the cited ones, and never shows a CPT descriptor', () => {
    const html = sourcePage(entry);
    const count = (entry.source as string).replace(/\n$/, '').split('\n').length;
    for (let n = 1; n <= count; n++) expect(html).toContain(`id="L${n}"`);
    expect(html).toMatch(/class="line cited" id="L150"/);
    expect(html).toMatch(/class="line" id="L44"/);
    expect(html).not.toContain('dose-volume histograms');
    for (const code of ['77301', '77338', '77385', '77386', '77387'])
      expect(html).toMatch(
        new RegExp(`${code}\t<span class="redacted">\\[[^\\]]*redacted[^\\]]*\\]</span>`),
      );
    expect(redactLine('77301\tIntensity modulated radiotherapy plan')).toEqual({
      text: '77301\t[CPT descriptor redacted: AMA-licensed]',
      redacted: true,
    });
    // A row the repository's copy already redacts is shown as it is.
    expect(redactLine('77385\t[descriptor redacted: not stored here]')).toEqual({
      text: '77385\t[descriptor redacted: not stored here]',
      redacted: true,
    });
    // HCPCS rows are not CPT: they stay verbatim.
    expect(redactLine('G6017\tIntra-fraction localization').redacted).toBe(false);
  });
});

describe('diff page', () => {
  it('classifies the changes and shows word diffs of prose, in either direction', () => {
    const forward = diffPage(entry, rev('2021-03-02'), rev('2023-01-10'));
    expect(forward).toContain('<h1>Changes from 2021-03-02 to 2023-01-10</h1>');
    expect(forward).toMatch(/<ins>[^<]+<\/ins>/);
    expect(forward).toMatch(/<del>[^<]+<\/del>/);
    const backward = diffPage(entry, rev('2023-01-10'), rev('2021-03-02'));
    expect(backward).toContain('each change is the inverse of the forward change');
    expect(backward.match(/<tr data-kind=/g)?.length).toBe(
      forward.match(/<tr data-kind=/g)?.length,
    );
  });
});

describe('notices page', () => {
  it('lists a letter per revision, newest first, with due and effective dates and both formats', () => {
    const html = noticesPage(entry);
    const order = [...html.matchAll(/<article class="letter" data-revision="([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(order).toEqual([...entry.policy.revisions].reverse().map((r) => r.id));
    expect(html).toContain('Effective <time datetime="2023-06-01">2023-06-01</time>');
    expect(html).toContain('due by <time datetime="2023-04-02">2023-04-02</time>');
    expect(html).toContain('<strong>Applies to:</strong>');
    expect(html).toContain('href="2023-01-10.pdf"');
    expect(html).toContain(
      '<strong>Never took effect:</strong> revision <time datetime="2015-09-08">2015-09-08</time>',
    );
    expect(html.match(/Never took effect/g)).toHaveLength(1);
  });
});
