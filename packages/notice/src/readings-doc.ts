import type { LoadedPolicy, Provenance, Reading, ReadingDecision } from '@criteria/schema';

const md = (text: string) => text.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);
const cite = (c: { line: number; quote: string }) => `source:${c.line} “${md(c.quote)}”`;

const routeWords = {
  'criteria-review': 'criteria review',
  'medical-director-review': 'medical director review',
} as const;

/** What a reading decides, in a few words. */
const decides = (d: ReadingDecision): string => {
  switch (d.kind) {
    case 'line-route':
      return `${d.line} requests: ${routeWords[d.route]}, whatever the indication`;
    case 'indication-route':
      return `${d.indication}${d.techniques ? ` (technique ${d.techniques.join(' or ')})` : ''}: ${routeWords[d.route]}`;
    case 'default-route':
      return `every indication no other reading decides: ${routeWords[d.route]}`;
    case 'stricter-route-wins':
      return 'several indications: the stricter route wins';
    case 'flag':
      return `${d.indication}: flag \`${d.flag}\``;
    case 'documentation':
      return `documentation required of: ${d.lines.join(', ')}`;
    case 'record':
      return d.subject;
  }
};

const readingBlock = (r: Reading): string[] => [
  `### \`${r.id}\``,
  '',
  md(r.statement),
  '',
  `- **Decides:** ${md(decides(r.decides))}`,
  `- **Applies to revisions:** ${r.appliesTo.join(', ')}`,
  ...(r.derivedFrom
    ? [
        `- **Derived from:** the ${r.derivedFrom.revision} row's words “${md(r.derivedFrom.phrase)}”, when the edition was built`,
      ]
    : []),
  `- **Basis:** ${r.basis.cites.length ? r.basis.cites.map(cite).join('; ') : 'no line: the record is silent'}`,
  `- **Why:** ${md(r.basis.reason)}`,
  ...(r.alternative ? [`- **Alternative reading:** ${md(r.alternative)}`] : []),
  '',
];

/** Every `reading` a revision module records, with where it is recorded. */
function moduleReadings(
  policy: LoadedPolicy,
): Map<string, { cites: Provenance['cites']; at: string[] }> {
  const out = new Map<string, { cites: Provenance['cites']; at: string[] }>();
  const walk = (value: unknown, at: string) => {
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) walk(v, `${at}.${i}`);
    } else if (value !== null && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      if (typeof o.reading === 'string' && Array.isArray(o.cites)) {
        const key = `${o.reading}\u0000${JSON.stringify(o.cites)}`;
        const entry = out.get(key) ?? { cites: o.cites as Provenance['cites'], at: [] };
        entry.at.push(at);
        out.set(key, entry);
      }
      for (const [k, v] of Object.entries(o)) if (k !== 'cites') walk(v, `${at}.${k}`);
    }
  };
  for (const r of policy.revisions) {
    const { sha256: _s, ...data } = r;
    walk(data, r.id);
  }
  walk(policy.record, 'record');
  walk(policy.deletedCodes, 'deletedCodes');
  return out;
}

/**
 * The readings of a policy as Markdown (`docs/readings.md`): every reading of
 * its latest edition with what it decides, its basis (the source's lines and
 * words) and the alternative; the diagnosis map with each row's basis; and
 * every reading its revision modules record about the record itself. Generated,
 * so it cannot drift from the code.
 *
 * @example writeFileSync('docs/readings.md', renderReadingsMarkdown(imrt));
 */
export function renderReadingsMarkdown(policy: LoadedPolicy): string {
  const edition = policy.readings.at(-1);
  const lines: string[] = [
    `# How we read the record: ${md(policy.title)}`,
    '',
    `<!-- Generated from the readings edition and the revision modules of policy \`${policy.id}\` by \`pnpm generate:readings-doc\` (\`criteria readings ${policy.id}\`). Do not edit by hand. -->`,
    '',
    'The revision modules hold only what the source states (each fact cites its line and',
    'words) and are locked by hash. Where the source is silent or needs interpreting, the',
    'project reads it: those readings live in a versioned readings edition, each with what',
    'it decides, the revisions it applies to, its basis and the alternative. The evaluator',
    'reads only the governing revision and its slice of one edition, so the same revision,',
    'edition and request always give the same route, whatever `asOf` selected the revision.',
    "Text in quotation marks is the source document's own words.",
    '',
  ];
  if (edition === undefined)
    return `${[...lines, 'This policy has no readings edition.'].join('\n')}\n`;
  lines.push(
    `Edition **${edition.edition}**, sha256 \`${edition.sha256}\` (locked in \`readings.lock.json\`; a corrected reading makes a new edition).`,
    '',
    `## Readings of edition ${edition.edition}`,
    '',
    `${edition.readings.length} readings: ${edition.readings.filter((r) => !r.derivedFrom).length} written by hand, ${edition.readings.filter((r) => r.derivedFrom).length} derived from a later row's words.`,
    '',
    ...edition.readings.flatMap(readingBlock),
  );
  if (edition.shorthands.length > 0)
    lines.push(
      '## Shorthands',
      '',
      '| a request saying | means |',
      '|---|---|',
      ...edition.shorthands.map(
        (s) => `| \`${s.id}\` | indication \`${s.indication}\` with technique \`${s.technique}\` |`,
      ),
      '',
    );
  lines.push(
    '## Diagnosis map',
    '',
    md(edition.diagnosisMap.note),
    '',
    'Rows are tried in order; the first that matches decides.',
    '',
    '| ICD-10-CM | indication | when | covers | basis |',
    '|---|---|---|---|---|',
    ...edition.diagnosisMap.rows.map(
      (r) =>
        `| \`${r.prefix}\` | \`${r.indication}\` | ${r.when.mediastinalInvolvement === undefined ? '' : `mediastinal involvement: ${r.when.mediastinalInvolvement}`} | ${md(r.title)} | ${r.basis.cites.map(cite).join('; ')}${r.basis.cites.length ? ': ' : ''}${md(r.basis.reason)} |`,
    ),
    '',
    '## Readings recorded in the revision modules',
    '',
    'Readings about the record itself (a date the source leaves open, where a source',
    'belongs): each is marked `reading` where it is recorded, with its reason, and shown',
    'as a reading wherever an output uses it.',
    '',
    '| reading | basis | recorded at |',
    '|---|---|---|',
    ...[...moduleReadings(policy)].map(
      ([key, { cites, at }]) =>
        `| ${md(key.split('\u0000')[0] ?? '')} | ${cites.length ? cites.map(cite).join('; ') : 'no line'} | ${at.map((a) => `\`${a}\``).join(', ')} |`,
    ),
  );
  return `${lines.join('\n').trimEnd()}\n`;
}
