import { buildNotice, type ChangeNotice, renderNoticeHtml } from '@criteria/notice';
import { documentDate } from '@criteria/notice-pdf';
import type { LoadedRevision } from '@criteria/schema';
import { timeline } from '@criteria/temporal';
import type { PolicyEntry } from '../data.js';
import { esc, href, time } from '../internal/html.js';
import { layout } from '../internal/layout.js';
import { paths } from '../internal/paths.js';
import { lineLabel } from '../internal/words.js';

const impactWords: Record<string, string> = {
  'expands-coverage': 'expands coverage',
  'restricts-coverage': 'restricts coverage',
  administrative: 'administrative',
  none: 'no change to compare',
};

/** "Applies to:" as the plan's letters put it, by line of business. */
const appliesTo = (n: ChangeNotice) =>
  n.linesOfBusiness.length === 0
    ? 'no line of business (no change for providers)'
    : n.linesOfBusiness.map((l) => `${lineLabel(l)} members`).join('; ');

/**
 * Every notice of a policy as the plan's provider letters list them, newest
 * first: the production date, "Effective <date>, ...", "Applies to:", and the
 * notice as HTML and PDF.
 */
export function noticesPage(entry: PolicyEntry): string {
  const { policy } = entry;
  const path = paths.notices(policy.id);
  const link = (to: string) => esc(href(path, to));
  const never = new Map(
    timeline(policy).flatMap((e) =>
      e.status === 'superseded-before-effective'
        ? [[e.revision.id, e.supersededBy.id] as const]
        : [],
    ),
  );
  const letters = [...policy.revisions].reverse().map((r) => {
    const n = buildNotice(policy, r.id);
    const supersededBy = never.get(r.id);
    return [
      `<article class="letter" data-revision="${esc(r.id)}" aria-labelledby="letter-${esc(r.id)}">`,
      `<p class="date">${time(documentDate(n))}</p>`,
      `<h3 id="letter-${esc(r.id)}">Effective ${time(n.effectiveOn)}, ${esc(policy.title)}: revision ${esc(r.id)}</h3>`,
      `<p><strong>Applies to:</strong> ${esc(appliesTo(n))}. Networks: not stated.</p>`,
      supersededBy
        ? `<p><strong>Never took effect:</strong> revision ${time(supersededBy)} was approved before ${time(n.effectiveOn)} and took effect that day instead, so this revision governed no date of service, only decisions made before ${time(supersededBy)}.</p>`
        : '',
      `<p>${n.changes.length} change${n.changes.length === 1 ? '' : 's'} against ${n.replaces ? `revision ${time(n.replaces.revision)}` : 'no earlier revision'} (${esc(impactWords[n.impact] ?? n.impact)}). Advance notice: ${
        n.noticeDueBy
          ? `due by ${time(n.noticeDueBy)} (${n.notice.periodDays} days; ${n.compliant ? 'met' : 'NOT met'})`
          : 'not stated'
      }.</p>`,
      `<p><a href="${link(paths.notice(policy.id, r.id))}">Read the notice</a> · <a href="${link(paths.noticePdf(policy.id, r.id))}" download="${esc(`${policy.id}-notice-${r.id}.pdf`)}">Download the PDF<span class="note"> (notice of ${esc(r.id)})</span></a></p>`,
      '</article>',
    ]
      .filter((l) => l !== '')
      .join('\n');
  });
  return layout({
    path,
    title: `Notices: ${policy.title}`,
    crumbs: [
      ['Policies', paths.home],
      [policy.title, paths.policy(policy.id)],
    ],
    main: [
      `<h1>Notices to providers: ${esc(policy.title)}</h1>`,
      '<p>One notice per revision, newest first, in the form of the plan’s provider letters: the date of the letter (the notice due date where the revision needs notice, else its approval date), what it applies to, and when it takes effect.</p>',
      '<h2>Letters</h2>',
      ...letters,
    ].join('\n'),
  });
}

/**
 * One notice as HTML: the notice package's own standalone page, with a
 * navigation bar added at the top (back to the listing, the PDF).
 */
export function noticePage(entry: PolicyEntry, revision: LoadedRevision): string {
  const { policy } = entry;
  const path = paths.notice(policy.id, revision.id);
  const html = renderNoticeHtml(buildNotice(policy, revision.id));
  const nav = `<nav aria-label="Viewer" style="margin-bottom:1rem;font-size:.9rem"><a href="${esc(href(path, paths.notices(policy.id)))}">All notices</a> · <a href="${esc(href(path, paths.policy(policy.id)))}">${esc(policy.title)}</a> · <a href="${esc(href(path, paths.noticePdf(policy.id, revision.id)))}" download="${esc(`${policy.id}-notice-${revision.id}.pdf`)}">Download this notice as PDF</a></nav>`;
  return html
    .replace('</head>', '<link rel="icon" href="data:,">\n</head>')
    .replace(/<body>\n?/, (m) => `${m}${nav}\n`);
}
