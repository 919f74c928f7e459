import type { ProseDiff, RevisionDiff } from '@criteria/diff';
import type { Changelog, ChangelogEntry } from './changelog.js';
import { describeChange } from './describe.js';
import { basisName, impactName, linesName, noticeTerms } from './internal/words.js';
import type { ChangeNotice } from './notice.js';

/** Escapes text for Markdown: inline markup characters, and pipes for table cells. */
const md = (text: string) => text.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);

const leadLine = (n: Pick<ChangeNotice, 'leadDays' | 'notice' | 'compliant'>) =>
  n.notice.required
    ? `${n.leadDays} days from approval to effect: ${n.compliant ? 'meets' : 'does NOT meet'} the ${n.notice.periodDays}-day notice period`
    : `${n.leadDays} days from approval to effect (no notice period applies)`;

const facts = (n: ChangeNotice | ChangelogEntry): string[] => [
  `- **Revision:** ${n.revision}${n.replaces ? `, replacing ${n.replaces.revision}` : ' (the first in the record)'}`,
  `- **Approved:** ${n.approvedOn}`,
  `- **Effective:** ${n.effectiveOn} (${basisName[n.effectiveOnBasis]})`,
  `- **Advance notice:** ${noticeTerms(n.notice)}`,
  ...(n.noticeDueBy ? [`- **Notice due by:** ${n.noticeDueBy}`] : []),
  `- **Lead time:** ${leadLine(n)}`,
  `- **Lines of business:** ${n.linesOfBusiness.length ? linesName(n.linesOfBusiness) : 'none'}`,
  `- **Overall:** ${impactName[n.impact]}`,
];

const changeRows = (n: ChangeNotice | ChangelogEntry): string[] =>
  n.changes.length === 0
    ? [
        n.replaces
          ? 'No change to codes, criteria sources, indications or documentation.'
          : 'This is the first revision in the record: there is no earlier revision to compare it with.',
      ]
    : [
        '| # | Change | Members | Effect |',
        '|---|---|---|---|',
        ...n.changes.map(
          (c, i) =>
            `| ${i + 1} | ${md(c.text)}${c.quote ? `<br>Revision statement: “${md(c.quote)}”` : ''} | ${linesName(c.lines)} | ${impactName[c.impact]} |`,
        ),
      ];

const codeList = (codes: ChangeNotice['codes']['inScope']) =>
  codes.length === 0
    ? 'none'
    : codes.map((c) => `${c.system} ${c.code} (${md(c.label)})`).join('; ');

/**
 * A change notice as Markdown, for a pull request or an e-mail.
 *
 * @example writeFileSync('notice.md', renderNoticeMarkdown(buildNotice(imrt, '2023-01-10')));
 */
export function renderNoticeMarkdown(n: ChangeNotice): string {
  return `${[
    `# Change notice: ${md(n.policy.title)}`,
    '',
    `${md(n.policy.plan)} · policy \`${n.policy.id}\` · revision ${n.revision}`,
    '',
    `This notice tells providers what changes in these clinical review criteria, and from when: revision ${n.revision} governs dates of service from ${n.effectiveOn}.`,
    '',
    ...facts(n),
    '',
    "## In the revision record's words",
    '',
    `> ${md(n.summary)}`,
    '',
    `## What changes${n.replaces ? ` (against revision ${n.replaces.revision})` : ''}`,
    '',
    ...changeRows(n),
    '',
    '## Codes',
    '',
    `- **In scope from ${n.effectiveOn}:** ${codeList(n.codes.inScope)}`,
    `- **Added:** ${codeList(n.codes.added)}`,
    `- **Removed:** ${codeList(n.codes.removed)}`,
    '',
    '---',
    '',
    `Revision ${n.revision} of policy \`${n.policy.id}\`, content hash (sha256) \`${n.sha256}\`. Generated from the revision data; quoted statements are the revision data's own words.`,
  ].join('\n')}\n`;
}

/**
 * The whole history of a policy as Markdown, newest first.
 *
 * @example writeFileSync('CHANGELOG.md', renderChangelogMarkdown(buildChangelog(imrt)));
 */
export function renderChangelogMarkdown(log: Changelog): string {
  const entry = (e: ChangelogEntry) => [
    `## ${e.revision}: effective ${e.effectiveOn}`,
    '',
    ...facts(e).filter((l) => !l.startsWith('- **Revision:**')),
    `- **Release:** ${e.releaseType}`,
    ...(e.replaces ? [`- **Replaces:** ${e.replaces.revision}`] : []),
    ...(e.supersededBeforeEffective
      ? [
          `- **Never governed:** superseded by ${e.supersededBeforeEffective}, which took effect on the same day`,
        ]
      : []),
    '',
    `> ${md(e.summary)}`,
    '',
    ...changeRows(e),
    '',
  ];
  return `${[
    `# Changelog: ${md(log.policy.title)}`,
    '',
    `${md(log.policy.plan)} · policy \`${log.policy.id}\` · ${log.entries.length} revisions, newest first. Each entry is computed from the revision data against the revision it replaces; a revision that needs no advance notice says so.`,
    '',
    ...log.entries.flatMap(entry),
  ]
    .join('\n')
    .trimEnd()}\n`;
}

/** A word diff in Markdown: deletions struck through, insertions in bold. */
export const proseMarkdown = (p: ProseDiff): string =>
  p.parts
    .map((x) =>
      x.op === 'equal'
        ? md(x.text)
        : x.text.trim() === ''
          ? x.op === 'insert'
            ? x.text
            : ''
          : x.op === 'insert'
            ? `**${md(x.text.trim())}**${x.text.endsWith(' ') ? ' ' : ''}`
            : `~~${md(x.text.trim())}~~${x.text.endsWith(' ') ? ' ' : ''}`,
    )
    .join('');

/**
 * A diff between two revisions as Markdown (a table of changes, word diffs of prose).
 *
 * @example renderDiffMarkdown(diffRevisions(a, b), 'imrt')
 */
export function renderDiffMarkdown(diff: RevisionDiff, policyId: string): string {
  const c = diff.counts;
  return `${[
    `# Diff: ${policyId} ${diff.from.id} → ${diff.to.id}`,
    '',
    `${diff.changes.length} changes: ${c['expands-coverage']} expand coverage, ${c['restricts-coverage']} restrict coverage, ${c.administrative} administrative. Overall: ${impactName[diff.impact].toLowerCase()}.`,
    '',
    ...(diff.changes.length === 0
      ? ['No changes.']
      : [
          '| # | Change | Members | Effect | Rule |',
          '|---|---|---|---|---|',
          ...diff.changes.map((x, i) => {
            const d = describeChange(x);
            const prose = x.prose ? `<br>${proseMarkdown(x.prose)}` : '';
            const quote = !x.prose && d.quote ? `<br>Revision statement: “${md(d.quote)}”` : '';
            return `| ${i + 1} | ${md(d.text)}${prose}${quote} | ${linesName(x.lines)} | ${impactName[x.impact]} | \`${x.rule}\` |`;
          }),
        ]),
  ].join('\n')}\n`;
}

/**
 * A notice in a few Markdown lines, for a changelog entry or a pull-request
 * comment: the dates, the notice terms and due date, the lead time, the lines
 * of business, each change with its effect, and the content hash.
 *
 * @example renderNoticeBrief(buildNotice(imrt, '2023-01-10')).split('\n')[0]
 * // => '**Intensity Modulated Radiation Therapy (IMRT)**, revision 2023-01-10: effective 2023-06-01 (stated); expands coverage.'
 */
export function renderNoticeBrief(n: ChangeNotice): string {
  return [
    `**${md(n.policy.title)}**, revision ${n.revision}: effective ${n.effectiveOn} (${basisName[n.effectiveOnBasis]}); ${impactName[n.impact].toLowerCase()}.`,
    '',
    `- Approved ${n.approvedOn}${n.replaces ? `, replacing revision ${n.replaces.revision}` : ', the first revision in the record'}.`,
    `- Advance notice: ${noticeTerms(n.notice)}${n.noticeDueBy ? `; due by ${n.noticeDueBy}` : ''}.`,
    `- Lead time: ${leadLine(n)}.`,
    `- Lines of business: ${n.linesOfBusiness.length ? linesName(n.linesOfBusiness) : 'none'}.`,
    ...n.changes.map(
      (c) =>
        `- ${impactName[c.impact]}: ${md(c.text)}${c.quote ? ` Revision statement: “${md(c.quote)}”` : ''}`,
    ),
    `- Content hash (sha256): \`${n.sha256}\``,
  ].join('\n');
}
