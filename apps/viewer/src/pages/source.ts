import type { PolicyEntry } from '../data.js';
import { citedLines } from '../internal/facts.js';
import { esc, href } from '../internal/html.js';
import { layout } from '../internal/layout.js';
import { paths } from '../internal/paths.js';

/** A CPT code row of a code table: the code, a tab, the AMA-licensed descriptor. */
const CPT_ROW = /^(\d{4}[0-9FTU])\t(.+)$/;

/**
 * A source line as shown: CPT descriptors are AMA-licensed and never shown
 * (the code stays, the line number stays); everything else verbatim. A row the
 * repository's copy already redacts is shown as the copy has it.
 */
export function redactLine(text: string): { text: string; redacted: boolean } {
  const m = CPT_ROW.exec(text);
  if (!m) return { text, redacted: false };
  if (/^\[[^\]]*redacted[^\]]*\]$/i.test((m[2] as string).trim())) return { text, redacted: true };
  return { text: `${m[1]}\t[CPT descriptor redacted: AMA-licensed]`, redacted: true };
}

/** The source document, one anchor per line (#L150), cited lines highlighted with what cites them. */
export function sourcePage(entry: PolicyEntry): string {
  const { policy } = entry;
  const path = paths.source(policy.id);
  const cited = citedLines(policy);
  const lines = (entry.source ?? '').replace(/\n$/, '').split('\n');
  const body =
    entry.source === null
      ? '<p class="error">The source document could not be read.</p>'
      : `<div class="source">${lines
          .map((raw, i) => {
            const n = i + 1;
            const { text, redacted } = redactLine(raw);
            const by = cited.get(n);
            const shown = redacted
              ? `${esc(text.split('\t')[0] as string)}\t<span class="redacted">${esc(text.split('\t')[1] as string)}</span>`
              : esc(text);
            return `<div class="line${by ? ' cited' : ''}" id="L${n}"><a href="#L${n}" aria-label="line ${n}">${n}</a><span class="text">${shown || ' '}${
              by
                ? `<span class="citedby">cited by ${by.length} fact${by.length === 1 ? '' : 's'}: ${esc(by.slice(0, 6).join('; '))}${by.length > 6 ? '; …' : ''}</span>`
                : ''
            }</span></div>`;
          })
          .join('\n')}</div>`;
  return layout({
    path,
    title: `Source document: ${policy.title}`,
    crumbs: [
      ['Policies', paths.home],
      [policy.title, paths.policy(policy.id)],
    ],
    main: [
      `<h1>Source document: ${esc(policy.title)}</h1>`,
      `<p>${esc(policy.plan)}. ${cited.size} lines are cited by the revisions (highlighted, marked “cited”). CPT descriptors are AMA-licensed and are not shown: the codes and line numbers are. <a href="${esc(href(path, paths.policy(policy.id)))}">Back to the policy</a>.</p>`,
      body,
    ].join('\n'),
  });
}
