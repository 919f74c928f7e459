import { basisName, impactName, lineName, linesName, noticeTerms } from './internal/words.js';
import type { Basis, ChangeNotice } from './notice.js';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

const time = (date: string) => `<time datetime="${date}">${date}</time>`;

/** Print first: black on white, real table borders, headers repeated on each page, no colour-only meaning. */
const CSS = `
:root { color-scheme: light; }
body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #111; background: #fff; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 1.75rem 0 .5rem; border-bottom: 1px solid #999; padding-bottom: .2rem; }
.plan { margin: 0; font-weight: 600; }
.lede { margin: .5rem 0 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid #777; padding: .35rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #eee; }
th[scope="row"] { width: 12rem; background: #f5f5f5; }
blockquote { margin: .5rem 0; padding: .25rem 1rem; border-left: 4px solid #777; }
.quote { margin: .35rem 0 0; font-style: italic; }
.breach { font-weight: 700; }
.reading { font-weight: 700; border: 1px solid #111; padding: 0 .25rem; }
.readings dt { font-weight: 600; margin-top: .5rem; }
.readings dd { margin: .15rem 0 0 1rem; }
footer { margin-top: 2rem; font-size: .85rem; color: #333; border-top: 1px solid #999; padding-top: .5rem; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .85em; overflow-wrap: anywhere; }
@page { margin: 18mm 16mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
  thead { display: table-header-group; }
  tr, blockquote { break-inside: avoid; }
  h2 { break-after: avoid; }
}
`.trim();

/**
 * A change notice as one standalone HTML page: printable (inline CSS), accessible
 * (language, title, headings, tables with captions and header cells), with no
 * external assets and no script. A compliance officer can send it as is.
 *
 * @example writeFileSync('notice.html', renderNoticeHtml(buildNotice(imrt, '2021-03-02')));
 */
export function renderNoticeHtml(n: ChangeNotice): string {
  const e = escapeHtml;
  const cite = (c: { line: number; quote: string }) => `source:${c.line} <q>${e(c.quote)}</q>`;
  const basis = (b: Basis) =>
    b.kind === 'stated'
      ? `Stated${b.cites.length ? `: ${b.cites.slice(0, 2).map(cite).join('; ')}` : ''}`
      : `<span class="reading">${b.kind === 'reading' ? 'Reading' : 'Assumed'}</span> ${b.readings.map((r) => `<code>${e(r.id)}</code>`).join(', ')}`;
  const s = n.supersededBeforeEffective;
  const effective = s
    ? `Revision ${time(n.revision)} was superseded before it took effect: revision ${time(s.by)}, approved ${time(s.approvedOn)}, takes effect ${time(s.effectiveOn)}. Revision ${n.revision} governed no date of service, only decisions made before ${time(s.approvedOn)} about dates of service from ${time(n.effectiveOn)}.`
    : `Effective ${time(n.effectiveOn)}, revision ${time(n.revision)} of the clinical review criteria for ${e(n.policy.title)} governs dates of service${n.replaces ? `, replacing revision ${time(n.replaces.revision)}` : ''}.`;
  const applies = `${n.linesOfBusiness.length ? n.linesOfBusiness.map((l) => `${lineName[l]} members`).join('; ') : 'no members (no change to codes, criteria, indications or documentation)'}. Networks: not stated.`;
  const lead = n.notice.required
    ? `${n.leadDays} days from approval to effect: ${
        n.compliant
          ? `meets the ${n.notice.periodDays}-day notice period`
          : `<strong class="breach">does not meet</strong> the ${n.notice.periodDays}-day notice period`
      }`
    : `${n.leadDays} days from approval to effect (no notice period applies)`;
  const facts: [string, string][] = [
    [
      'Revision',
      `${time(n.revision)}${n.replaces ? `, replacing ${time(n.replaces.revision)}` : ' (the first in the record)'}`,
    ],
    ['Approved', time(n.approvedOn)],
    ['Effective', `${time(n.effectiveOn)} (${e(basisName[n.effectiveOnBasis])})`],
    ['Advance notice', e(noticeTerms(n.notice))],
    ...(n.noticeDueBy ? [['Notice due by', time(n.noticeDueBy)] as [string, string]] : []),
    ['Lead time', lead],
    ['Overall', e(impactName[n.impact])],
    ...(n.readings
      ? [
          [
            'Readings edition',
            `${e(n.readings.edition)} (sha256 <code>${n.readings.sha256}</code>)`,
          ] as [string, string],
        ]
      : []),
  ];
  const changes =
    n.changes.length === 0
      ? `<p>${
          n.replaces
            ? 'No change to codes, criteria sources, indications or documentation.'
            : 'This is the first revision in the record: there is no earlier revision to compare it with.'
        }</p>`
      : [
          '<table>',
          `<caption>Changes from revision ${n.replaces?.revision} to revision ${n.revision}</caption>`,
          '<thead><tr><th scope="col">No.</th><th scope="col">Change (our summary)</th><th scope="col">Members</th><th scope="col">Effect</th><th scope="col">Basis</th></tr></thead>',
          '<tbody>',
          ...n.changes.map(
            (c, i) =>
              `<tr><td>${i + 1}</td><td>${e(c.text)}</td><td>${e(linesName(c.lines))}</td><td>${e(impactName[c.impact])}</td><td>${basis(c.basis)}</td></tr>`,
          ),
          '</tbody>',
          '</table>',
        ].join('\n');
  const added = new Set(n.codes.added.map((c) => c.code));
  const codeRows = [
    ...n.codes.inScope.map((c) => [c, added.has(c.code) ? 'added' : 'in scope'] as const),
    ...n.codes.removed.map((c) => [c, 'removed'] as const),
  ];
  return `${[
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Change notice: ${e(n.policy.title)}, revision ${n.revision}</title>`,
    `<style>\n${CSS}\n</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<p class="plan">${e(n.policy.plan)}${n.policy.planCites[0] ? ` (source:${n.policy.planCites[0].line})` : ''}</p>`,
    `<h1>Change notice: ${e(n.policy.title)}</h1>`,
    `<p>Produced: ${time(n.producedOn)}</p>`,
    `<p>Applies to: ${e(applies)}</p>`,
    `<p class="lede">${effective}</p>`,
    '</header>',
    '<main>',
    '<section aria-labelledby="glance">',
    '<h2 id="glance">At a glance</h2>',
    '<table>',
    `<caption>Dates and notice terms of revision ${n.revision}</caption>`,
    '<tbody>',
    ...facts.map(([k, v]) => `<tr><th scope="row">${k}</th><td>${v}</td></tr>`),
    '</tbody>',
    '</table>',
    '</section>',
    '<section aria-labelledby="record">',
    `<h2 id="record">The revision record's words${n.summary.line ? ` (source:${n.summary.line})` : ''}</h2>`,
    `<blockquote><p>${e(n.summary.quote)}</p></blockquote>`,
    '</section>',
    '<section aria-labelledby="changes">',
    '<h2 id="changes">What changes</h2>',
    changes,
    '</section>',
    '<section aria-labelledby="codes">',
    '<h2 id="codes">Codes</h2>',
    '<table>',
    `<caption>Procedure codes in scope from ${n.effectiveOn}${n.codes.removed.length > 0 ? ', and codes removed' : ''}</caption>`,
    '<thead><tr><th scope="col">Code</th><th scope="col">System</th><th scope="col">Description (short label)</th><th scope="col">Status</th></tr></thead>',
    '<tbody>',
    ...codeRows.map(
      ([c, status]) =>
        `<tr><td>${e(c.code)}</td><td>${c.system}</td><td>${e(c.label)}</td><td>${status}</td></tr>`,
    ),
    '</tbody>',
    '</table>',
    '</section>',
    '<section aria-labelledby="how">',
    '<h2 id="how">How we read the record</h2>',
    n.howWeRead.length === 0
      ? '<p>This notice depends on no reading: every statement in it is stated by the source.</p>'
      : [
          "<p>Where the record is silent or needs interpreting, this notice relies on the readings below. They are ours, not the record's words; a statement marked Reading or Assumed above rests on one of them.</p>",
          '<dl class="readings">',
          ...n.howWeRead.map((r) =>
            [
              `<dt><code>${e(r.id)}</code> (<span class="reading">${r.kind === 'reading' ? 'reading' : 'assumption'}</span>)</dt>`,
              `<dd>${e(r.statement)}</dd>`,
              `<dd>Why: ${e(r.reason)}</dd>`,
              ...(r.cites.length ? [`<dd>Rests on: ${r.cites.map(cite).join('; ')}</dd>`] : []),
              ...(r.alternative ? [`<dd>Alternative reading: ${e(r.alternative)}</dd>`] : []),
            ].join('\n'),
          ),
          '</dl>',
        ].join('\n'),
    '</section>',
    '</main>',
    '<footer>',
    `<p>Revision ${n.revision} of policy <code>${e(n.policy.id)}</code>, content hash (sha256) <code>${n.sha256}</code>${n.readings ? `; readings edition ${e(n.readings.edition)}, sha256 <code>${n.readings.sha256}</code>` : ''}. Generated from the revision data and the readings edition as known on ${time(n.producedOn)}. Text in quotation marks is the source document's own words, with its line; everything else is our summary.</p>`,
    '</footer>',
    '</body>',
    '</html>',
  ].join('\n')}\n`;
}
