import { basisName, impactName, linesName, noticeTerms } from './internal/words.js';
import type { ChangeNotice } from './notice.js';

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
    ['Lines of business', n.linesOfBusiness.length ? e(linesName(n.linesOfBusiness)) : 'none'],
    ['Overall', e(impactName[n.impact])],
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
          '<thead><tr><th scope="col">No.</th><th scope="col">Change</th><th scope="col">Members</th><th scope="col">Effect</th></tr></thead>',
          '<tbody>',
          ...n.changes.map(
            (c, i) =>
              `<tr><td>${i + 1}</td><td>${e(c.text)}${
                c.quote ? `<p class="quote">Revision statement: “${e(c.quote)}”</p>` : ''
              }</td><td>${e(linesName(c.lines))}</td><td>${e(impactName[c.impact])}</td></tr>`,
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
    `<p class="plan">${e(n.policy.plan)}</p>`,
    `<h1>Change notice: ${e(n.policy.title)}</h1>`,
    `<p class="lede">This notice tells providers what changes in these clinical review criteria, and from when: revision ${time(n.revision)} governs dates of service from ${time(n.effectiveOn)}.</p>`,
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
    `<h2 id="record">In the revision record's words</h2>`,
    `<blockquote><p>${e(n.summary)}</p></blockquote>`,
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
    '</main>',
    '<footer>',
    `<p>Revision ${n.revision} of policy <code>${e(n.policy.id)}</code>, content hash (sha256) <code>${n.sha256}</code>. Generated from the revision data; quoted statements are the revision data's own words.</p>`,
    '</footer>',
    '</body>',
    '</html>',
  ].join('\n')}\n`;
}
