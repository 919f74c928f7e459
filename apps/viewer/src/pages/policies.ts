import { buildNotice } from '@criteria/notice';
import { timeline } from '@criteria/temporal';
import { lockStatus, type PolicyEntry, type ViewerData } from '../data.js';
import { esc, href, time } from '../internal/html.js';
import { layout } from '../internal/layout.js';
import { paths } from '../internal/paths.js';
import { timelineSvg } from './timeline-svg.js';

/** Words for a revision's standing against the lock file. */
export const lockWords: Record<ReturnType<typeof lockStatus>, string> = {
  locked: 'locked (matches revisions.lock.json)',
  changed: 'CHANGED since it was locked: a published revision must not change',
  'not-locked': 'not locked yet (unpublished)',
  'no-lock-file': 'no lock file',
  'lock-file-invalid': 'lock file invalid',
};

/** The site's home: every policy with its latest revision. */
export function policiesPage(data: ViewerData): string {
  const path = paths.home;
  const rows = data.policies.map(({ policy }) => {
    const latest = policy.revisions.at(-1);
    return `<tr><td><a href="${esc(href(path, paths.policy(policy.id)))}">${esc(policy.title)}</a></td><td><code>${esc(policy.id)}</code></td><td>${esc(policy.plan)}</td><td>${policy.revisions.length}</td><td>${latest ? `${time(latest.id)}, effective ${time(latest.effectiveOn)}` : '—'}</td></tr>`;
  });
  return layout({
    path,
    title: 'Policies',
    main: [
      '<h1>Policies</h1>',
      '<p>Clinical review criteria as typed, dated, tested code: each policy, its revisions and the dates of service each governs, the change notices sent to providers, and checks you can run in this page.</p>',
      '<table><caption>Policies in this repository</caption><thead><tr><th scope="col">Policy</th><th scope="col">Id</th><th scope="col">Plan</th><th scope="col">Revisions</th><th scope="col">Latest revision</th></tr></thead><tbody>',
      ...rows,
      '</tbody></table>',
    ].join('\n'),
  });
}

/** Notice due dates by revision id, from the notice package (one rule for the due date). */
export const noticeDueDates = (entry: PolicyEntry): Record<string, string> =>
  Object.fromEntries(
    entry.policy.revisions.flatMap((r) => {
      const due = buildNotice(entry.policy, r.id).noticeDueBy;
      return due === null ? [] : [[r.id, due]];
    }),
  );

/** A policy: its timeline (SVG), its revisions table, and links to source, diffs and notices. */
export function policyPage(entry: PolicyEntry, today: string): string {
  const { policy } = entry;
  const path = paths.policy(policy.id);
  const link = (to: string) => esc(href(path, to));
  const due = noticeDueDates(entry);
  const rows = timeline(policy).map((e) => {
    const r = e.revision;
    const governs =
      e.status === 'governs'
        ? `${time(e.from)} to ${e.through ? time(e.through) : 'today and on'}`
        : `never: superseded by <a href="${link(paths.revision(policy.id, e.supersededBy.id))}">${esc(e.supersededBy.id)}</a> before it took effect`;
    return `<tr data-revision="${esc(r.id)}"><th scope="row"><a href="${link(paths.revision(policy.id, r.id))}">${esc(r.id)}</a></th><td>${time(r.approvedOn)}</td><td>${time(r.effectiveOn)} <span class="basis basis-${r.effectiveOnBasis}">${r.effectiveOnBasis}</span></td><td>${governs}</td><td>${due[r.id] ? time(due[r.id] as string) : '<span class="note">not stated</span>'}</td><td>${esc(lockWords[lockStatus(entry, r)])}</td><td><a href="${link(paths.notice(policy.id, r.id))}">notice</a> · <a href="${link(paths.noticePdf(policy.id, r.id))}">PDF</a></td></tr>`;
  });
  return layout({
    path,
    title: policy.title,
    crumbs: [['Policies', paths.home]],
    main: [
      `<h1>${esc(policy.title)}</h1>`,
      `<p>${esc(policy.plan)} · policy <code>${esc(policy.id)}</code> · created ${time(policy.record.created)} · last revised ${time(policy.record.lastRevised)} · last reviewed ${time(policy.record.reviewedOn.at(-1) ?? '')}</p>`,
      `<p><a href="${link(paths.source(policy.id))}">Source document</a> · <a href="${link(paths.diffIndex(policy.id))}">Compare two revisions</a> · <a href="${link(paths.notices(policy.id))}">Notices to providers</a></p>`,
      '<h2 id="timeline">Timeline</h2>',
      timelineSvg(policy, { today, noticeDue: due }),
      '<ul class="note legend"><li>Bar: the dates of service a revision governs (an arrow: still governing)</li><li>Circle: approval date</li><li>Triangle: notice due date</li><li>Dashed line: today</li><li>Revision with a tick and no bar: superseded before it took effect, it never governed</li></ul>',
      '<h2 id="revisions">Revisions</h2>',
      '<table><caption>Every revision, in approval order</caption><thead><tr><th scope="col">Revision</th><th scope="col">Approved</th><th scope="col">Effective</th><th scope="col">Governs dates of service</th><th scope="col">Notice due by</th><th scope="col">Lock</th><th scope="col">Notice</th></tr></thead><tbody>',
      ...rows,
      '</tbody></table>',
    ].join('\n'),
  });
}
