import type { ProseDiff, RevisionDiff } from '@criteria/diff';
import type { Changelog, ChangelogEntry } from './changelog.js';
import { describeChange } from './describe.js';
import { basisName, impactName, lineName, linesName, noticeTerms } from './internal/words.js';
import type { Basis, ChangeNotice, NoticeReading } from './notice.js';

/** Escapes text for Markdown: inline markup characters, and pipes for table cells. */
const md = (text: string) => text.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);

const leadLine = (n: Pick<ChangeNotice, 'leadDays' | 'notice' | 'compliant'>) =>
  n.notice.required
    ? `${n.leadDays} days from approval to effect: ${n.compliant ? 'meets' : 'does NOT meet'} the ${n.notice.periodDays}-day notice period`
    : `${n.leadDays} days from approval to effect (no notice period applies)`;

/** A citation as the reader sees it: the line and the source's own words in quotation marks. */
const citeMd = (c: { line: number; quote: string }) => `source:${c.line} “${md(c.quote)}”`;

/** The basis of a statement, marked: stated (with the source's words), a reading or an assumption. */
export const basisMarkdown = (b: Basis): string =>
  b.kind === 'stated'
    ? `Stated${b.cites.length ? `: ${b.cites.slice(0, 2).map(citeMd).join('; ')}` : ''}`
    : `**${b.kind === 'reading' ? 'Reading' : 'Assumed'}** (${b.readings.map((r) => `\`${r.id}\``).join(', ')})`;

/** The "Effective <date>, ..." sentence of the provider letter, or what a superseded revision governed. */
export const effectiveSentence = (n: ChangeNotice | ChangelogEntry, title: string): string =>
  n.supersededBeforeEffective
    ? `Revision ${n.revision} was superseded before it took effect: revision ${n.supersededBeforeEffective.by}, approved ${n.supersededBeforeEffective.approvedOn}, takes effect ${n.supersededBeforeEffective.effectiveOn}. Revision ${n.revision} governed no date of service, only decisions made before ${n.supersededBeforeEffective.approvedOn} about dates of service from ${n.effectiveOn}.`
    : `Effective ${n.effectiveOn}, revision ${n.revision} of the clinical review criteria for ${title} governs dates of service${n.replaces ? `, replacing revision ${n.replaces.revision}` : ''}.`;

const facts = (n: ChangeNotice | ChangelogEntry): string[] => [
  `- **Revision:** ${n.revision}${n.replaces ? `, replacing ${n.replaces.revision}` : ' (the first in the record)'}`,
  `- **Approved:** ${n.approvedOn}`,
  `- **Effective:** ${n.effectiveOn} (${basisName[n.effectiveOnBasis]})`,
  `- **Advance notice:** ${noticeTerms(n.notice)}`,
  ...(n.noticeDueBy ? [`- **Notice due by:** ${n.noticeDueBy}`] : []),
  `- **Lead time:** ${leadLine(n)}`,
  `- **Overall:** ${impactName[n.impact]}`,
  ...(n.readings
    ? [`- **Readings edition:** ${n.readings.edition} (sha256 \`${n.readings.sha256}\`)`]
    : []),
];

const appliesTo = (n: ChangeNotice | ChangelogEntry) =>
  `${n.linesOfBusiness.length ? n.linesOfBusiness.map((l) => `${lineName[l]} members`).join('; ') : 'no members (no change to codes, criteria, indications or documentation)'}. Networks: not stated.`;

const changeRows = (n: ChangeNotice | ChangelogEntry): string[] =>
  n.changes.length === 0
    ? [
        n.replaces
          ? 'No change to codes, criteria sources, indications or documentation.'
          : 'This is the first revision in the record: there is no earlier revision to compare it with.',
      ]
    : [
        '| # | Change (our summary) | Members | Effect | Basis |',
        '|---|---|---|---|---|',
        ...n.changes.map(
          (c, i) =>
            `| ${i + 1} | ${md(c.text)} | ${linesName(c.lines)} | ${impactName[c.impact]} | ${basisMarkdown(c.basis)} |`,
        ),
      ];

const readingItem = (r: NoticeReading): string =>
  [
    `- **\`${r.id}\`** (${r.kind === 'reading' ? 'reading' : 'assumption'}): ${md(r.statement)}`,
    `  Why: ${md(r.reason)}`,
    ...(r.cites.length ? [`  Rests on: ${r.cites.map(citeMd).join('; ')}`] : []),
    ...(r.alternative ? [`  Alternative reading: ${md(r.alternative)}`] : []),
  ].join('\n');

const howWeRead = (n: ChangeNotice | ChangelogEntry): string[] =>
  n.howWeRead.length === 0
    ? ['This notice depends on no reading: every statement in it is stated by the source.']
    : [
        "Where the record is silent or needs interpreting, this notice relies on the readings below. They are ours, not the record's words; a statement marked **Reading** or **Assumed** above rests on one of them.",
        '',
        ...n.howWeRead.map(readingItem),
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
    `**${md(n.policy.plan)}**${n.policy.planCites[0] ? ` (source:${n.policy.planCites[0].line})` : ''} · policy \`${n.policy.id}\` · revision ${n.revision}`,
    '',
    `Produced: ${n.producedOn}`,
    '',
    `Applies to: ${appliesTo(n)}`,
    '',
    effectiveSentence(n, md(n.policy.title)),
    '',
    ...facts(n),
    '',
    `## The revision record's words${n.summary.line ? ` (source:${n.summary.line})` : ''}`,
    '',
    `> “${md(n.summary.quote)}”`,
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
    '## How we read the record',
    '',
    ...howWeRead(n),
    '',
    '---',
    '',
    `Revision ${n.revision} of policy \`${n.policy.id}\`, content hash (sha256) \`${n.sha256}\`${n.readings ? `; readings edition ${n.readings.edition}, sha256 \`${n.readings.sha256}\`` : ''}. Generated from the revision data and the readings edition as known on ${n.producedOn}. Text in quotation marks is the source document's own words, with its line; everything else is our summary.`,
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
    effectiveSentence(e, md(log.policy.title)),
    '',
    ...facts(e).filter((l) => !l.startsWith('- **Revision:**')),
    `- **Release:** ${e.releaseType}`,
    ...(e.replaces ? [`- **Replaces:** ${e.replaces.revision}`] : []),
    `- **Applies to:** ${appliesTo(e)}`,
    `- **As known on:** ${e.producedOn}`,
    '',
    `> “${md(e.summary.quote)}”${e.summary.line ? ` (source:${e.summary.line})` : ''}`,
    '',
    ...changeRows(e),
    '',
    `Readings this entry depends on: ${e.howWeRead.length ? e.howWeRead.map((r) => `\`${r.id}\``).join(', ') : 'none'} (see docs/readings.md).`,
    '',
  ];
  return `${[
    `# Changelog: ${md(log.policy.title)}`,
    '',
    `${md(log.policy.plan)} · policy \`${log.policy.id}\` · ${log.entries.length} revisions, newest first. Each entry is computed from the revision data against the revision it replaces, as known on its production date; where the record states no advance notice, the entry says "not stated". Text in quotation marks is the source document's own words; readings are marked **Reading**.`,
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
    `${diff.changes.length} changes: ${c['expands-coverage']} expand coverage, ${c['restricts-coverage']} restrict coverage, ${c.substantive} substantive (direction not shown by the record), ${c.administrative} administrative, ${c.record} of the revision record. Overall: ${impactName[diff.impact].toLowerCase()}.${diff.readings ? ` Route changes are readings of edition ${diff.readings.edition}.` : ''}`,
    '',
    ...(diff.changes.length === 0
      ? ['No changes.']
      : [
          '| # | Change (our summary) | Members | Effect | Rule | Basis |',
          '|---|---|---|---|---|---|',
          ...diff.changes.map((x, i) => {
            const d = describeChange(x);
            const prose = x.prose ? `<br>${proseMarkdown(x.prose)}` : '';
            const basis =
              x.kind === 'route-changed'
                ? `**Reading** (\`${x.after.reading ?? 'assumed'}\`)`
                : 'Revision data';
            return `| ${i + 1} | ${md(d.text)}${prose} | ${linesName(x.lines)} | ${impactName[x.impact]} | \`${x.rule}\` | ${basis} |`;
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
    `- Applies to: ${appliesTo(n)}`,
    ...n.changes.map((c) => `- ${impactName[c.impact]}: ${md(c.text)} (${basisMarkdown(c.basis)})`),
    ...(n.howWeRead.length
      ? [`- Readings it depends on: ${n.howWeRead.map((r) => `\`${r.id}\``).join(', ')}.`]
      : []),
    `- Content hash (sha256): \`${n.sha256}\``,
  ].join('\n');
}
