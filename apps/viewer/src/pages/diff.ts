import { type Change, diffRevisions, type ProseDiff } from '@criteria/diff';
import { describeChange } from '@criteria/notice';
import type { LoadedRevision } from '@criteria/schema';
import type { PolicyEntry } from '../data.js';
import { esc, href, time } from '../internal/html.js';
import { layout } from '../internal/layout.js';
import { paths } from '../internal/paths.js';
import { lineLabel } from '../internal/words.js';

const impactWords: Record<string, string> = {
  'expands-coverage': 'Expands coverage',
  'restricts-coverage': 'Restricts coverage',
  substantive: 'Substantive (direction not shown by the record)',
  administrative: 'Administrative',
  record: 'Revision record only',
  none: 'No change',
};

/** A word diff as HTML: deletions struck through, insertions underlined (not by colour alone). */
export const proseHtml = (p: ProseDiff): string =>
  p.parts
    .map((part) =>
      part.op === 'equal'
        ? esc(part.text)
        : part.op === 'insert'
          ? `<ins>${esc(part.text)}</ins>`
          : `<del>${esc(part.text)}</del>`,
    )
    .join('');

/** The two-select chooser: the browser bundle turns a choice into the pair's page (no server call). */
function chooser(entry: PolicyEntry, from?: string, to?: string): string {
  const ids = entry.policy.revisions.map((r) => r.id);
  const options = (selected: string | undefined) =>
    ids
      .map(
        (id) =>
          `<option value="${esc(id)}"${id === selected ? ' selected' : ''}>${esc(id)}</option>`,
      )
      .join('');
  return [
    '<form class="panel" id="diff-chooser" data-diff-chooser action="index.html" method="get">',
    '<div class="row">',
    `<label>From revision<select name="from" id="diff-from">${options(from ?? ids.at(-2))}</select></label>`,
    `<label>To revision<select name="to" id="diff-to">${options(to ?? ids.at(-1))}</select></label>`,
    '<button type="submit">Show the changes</button>',
    '</div>',
    '<p class="error" role="alert" id="diff-error" hidden></p>',
    '</form>',
  ].join('\n');
}

/** The diff chooser, with every consecutive pair listed. */
export function diffIndexPage(entry: PolicyEntry): string {
  const { policy } = entry;
  const path = paths.diffIndex(policy.id);
  const pairs = policy.revisions.slice(1).map((r, i) => {
    const prev = policy.revisions[i] as LoadedRevision;
    return `<li><a href="${esc(href(path, paths.diff(policy.id, prev.id, r.id)))}">${esc(prev.id)} → ${esc(r.id)}</a></li>`;
  });
  return layout({
    path,
    title: `Compare revisions: ${policy.title}`,
    crumbs: [
      ['Policies', paths.home],
      [policy.title, paths.policy(policy.id)],
    ],
    script: 'diff',
    main: [
      `<h1>Compare revisions: ${esc(policy.title)}</h1>`,
      '<p>Choose any two revisions, in either order: every change between them, classified by a named rule, with word diffs of prose.</p>',
      chooser(entry),
      '<h2>Each revision against the one before</h2>',
      `<ul>${pairs.join('')}</ul>`,
    ].join('\n'),
  });
}

const changeRow = (c: Change, i: number): string => {
  const { text } = describeChange(c);
  const reading =
    c.kind === 'route-changed'
      ? `<p class="note">Reading: <code>${esc(c.before.reading ?? 'assumed')}</code> → <code>${esc(c.after.reading ?? 'assumed')}</code></p>`
      : '';
  return `<tr data-kind="${esc(c.kind)}"><td>${i + 1}</td><td class="impact">${esc(impactWords[c.impact] ?? c.impact)}<br><code>${esc(c.rule)}</code></td><td>${esc(c.area)}</td><td>${esc(c.lines.map(lineLabel).join(', ') || '—')}</td><td>${esc(text)}${reading}${c.prose ? `<p class="prose">Word diff: ${proseHtml(c.prose)}</p>` : ''}</td></tr>`;
};

/** The changes from one revision to another, classified, with word diffs of prose. */
export function diffPage(entry: PolicyEntry, from: LoadedRevision, to: LoadedRevision): string {
  const { policy } = entry;
  const path = paths.diff(policy.id, from.id, to.id);
  const readings = policy.readings.at(-1);
  const d = diffRevisions(from, to, readings ? { readings } : {});
  const backwards = from.approvedOn > to.approvedOn;
  return layout({
    path,
    title: `Changes from ${from.id} to ${to.id}`,
    crumbs: [
      ['Policies', paths.home],
      [policy.title, paths.policy(policy.id)],
      ['Compare revisions', paths.diffIndex(policy.id)],
    ],
    script: 'diff',
    main: [
      `<h1>Changes from ${esc(from.id)} to ${esc(to.id)}</h1>`,
      chooser(entry, from.id, to.id),
      `<p id="diff-summary">${policy.title}: revision ${time(from.id)} (effective ${time(from.effectiveOn)}) → revision ${time(to.id)} (effective ${time(to.effectiveOn)}). ${d.changes.length} change${d.changes.length === 1 ? '' : 's'}: ${d.counts['expands-coverage']} expand coverage, ${d.counts['restricts-coverage']} restrict coverage, ${d.counts.administrative} administrative. Overall: <strong>${esc(impactWords[d.impact] ?? d.impact)}</strong>.${backwards ? ' This compares a later revision with an earlier one: each change is the inverse of the forward change.' : ''}</p>`,
      d.changes.length === 0
        ? '<p>No change between these two revisions.</p>'
        : [
            `<table id="diff-changes"><caption>Changes from ${esc(from.id)} to ${esc(to.id)}</caption><thead><tr><th scope="col">No.</th><th scope="col">Effect and rule</th><th scope="col">Area</th><th scope="col">Members</th><th scope="col">Change</th></tr></thead><tbody>`,
            ...d.changes.map(changeRow),
            '</tbody></table>',
          ].join('\n'),
      `<p><a href="${esc(href(path, paths.revision(policy.id, from.id)))}">Revision ${esc(from.id)}</a> · <a href="${esc(href(path, paths.revision(policy.id, to.id)))}">Revision ${esc(to.id)}</a></p>`,
    ].join('\n'),
  });
}
