import type { LoadedRevision } from '@criteria/schema';
import { lockStatus, type PolicyEntry } from '../data.js';
import { revisionFacts, revisionReadings } from '../internal/facts.js';
import { esc, href, time } from '../internal/html.js';
import { layout } from '../internal/layout.js';
import { paths } from '../internal/paths.js';
import { lockWords } from './policies.js';

/** A revision: every fact with its basis, stated facts linked to their source lines; its sha256 and lock status. */
export function revisionPage(entry: PolicyEntry, revision: LoadedRevision): string {
  const { policy } = entry;
  const path = paths.revision(policy.id, revision.id);
  const link = (to: string) => esc(href(path, to));
  const i = policy.revisions.indexOf(revision);
  const previous = i > 0 ? policy.revisions[i - 1] : undefined;
  const readings = revisionReadings(policy, revision.id);
  const facts = [...revisionFacts(revision), ...readings.facts];
  const groups = [...new Set(facts.map((f) => f.group))];
  const sections = groups.map((g, gi) => {
    const rows = facts
      .filter((f) => f.group === g)
      .map((f) => {
        const cites = f.cites
          .map(
            (c) =>
              `<a href="${link(paths.source(policy.id, c.line))}">source:${c.line}</a> “<span class="quote">${esc(c.quote)}</span>”`,
          )
          .join('<br>');
        const why = f.reading
          ? `<br><span class="note">${f.basis === 'assumed' ? 'Assumed' : 'Reading'}: ${esc(f.reading)}</span>`
          : '';
        return `<tr><th scope="row">${esc(f.label)}</th><td>${esc(f.value)}</td><td><span class="basis basis-${f.basis}">${f.basis.replace('-', ' ')}</span></td><td>${cites || '<span class="note">no line</span>'}${why}</td></tr>`;
      });
    return [
      `<h2 id="g${gi}">${esc(g)}</h2>`,
      `<table><caption>${esc(g)} of revision ${esc(revision.id)}</caption><thead><tr><th scope="col">Fact</th><th scope="col">Value</th><th scope="col">Basis</th><th scope="col">Source</th></tr></thead><tbody>`,
      ...rows,
      '</tbody></table>',
    ].join('\n');
  });
  return layout({
    path,
    title: `Revision ${revision.id}`,
    crumbs: [
      ['Policies', paths.home],
      [policy.title, paths.policy(policy.id)],
    ],
    main: [
      `<h1>Revision ${esc(revision.id)}</h1>`,
      `<p>${esc(policy.title)} · approved ${time(revision.approvedOn)} · effective ${time(revision.effectiveOn)} (${revision.effectiveOnBasis})</p>`,
      `<dl><dt>Content hash (sha256)</dt><dd><code>${revision.sha256}</code></dd>${readings.edition ? `<dt>Readings edition</dt><dd><code>${esc(readings.edition.id)}</code>, sha256 <code>${esc(readings.edition.sha256)}</code></dd>` : ''}<dt>Lock status</dt><dd data-lock="${lockStatus(entry, revision)}">${esc(lockWords[lockStatus(entry, revision)])}</dd></dl>`,
      `<p><a href="${link(paths.notice(policy.id, revision.id))}">Notice (HTML)</a> · <a href="${link(paths.noticePdf(policy.id, revision.id))}">Notice (PDF)</a>${previous ? ` · <a href="${link(paths.diff(policy.id, previous.id, revision.id))}">Changes from ${esc(previous.id)}</a>` : ''}</p>`,
      '<p class="note">Basis: <span class="basis basis-stated">stated</span> the source says it (the quote is on the linked line); <span class="basis basis-reading">reading</span> our interpretation where the source is silent, with the reason; <span class="basis basis-assumed">assumed</span> a default the time rules apply; <span class="basis basis-not-stated">not stated</span> the source is silent.</p>',
      ...sections,
    ].join('\n'),
  });
}
