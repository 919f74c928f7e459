import { printLiteral } from './internal/print-literal.js';

/** What the analyst entered, checked. */
export interface NewRevisionFacts {
  approved: string;
  effective: string;
  notice: boolean;
  summary: string;
  /** The notice period in days when notice is required (copied from the policy or `--notice-days`). */
  noticeDays: number | null;
}

/**
 * The new revision's data: a full snapshot of `latest` with the dates, summary,
 * notice and provenance the analyst entered. Keys keep the latest's order.
 */
export function snapshot(latest: Record<string, unknown>, facts: NewRevisionFacts) {
  const entered = `as entered with \`pnpm new-revision\``;
  return {
    ...latest,
    id: facts.approved,
    approvedOn: facts.approved,
    effectiveOn: facts.effective,
    effectiveOnBasis: 'stated',
    provenance: {
      reading: `Approved ${facts.approved}, effective ${facts.effective}, ${entered} from the committee record; the source document does not list this revision yet. When it does, cite its revision-table row here.`,
    },
    summary: facts.summary.trim(),
    notice:
      facts.notice && facts.noticeDays !== null
        ? {
            required: true,
            periodDays: facts.noticeDays,
            basis: 'stated',
            provenance: {
              reading: `Notice required, ${facts.noticeDays} days, ${entered} from the committee record; cite the row that states it when the source lists this revision.`,
            },
          }
        : {
            required: false,
            periodDays: null,
            basis: 'not-stated',
            provenance: {
              reading: `No advance notice was entered for this revision with \`pnpm new-revision\`, so none is recorded as required.`,
            },
          },
  };
}

const comment = (text: string) => text.replace(/\*\//g, '* /');

/** The revision module's text: the snapshot as one `defineRevision` literal, to edit. */
export function renderModule(
  policy: string,
  from: string,
  revision: Record<string, unknown>,
  facts: NewRevisionFacts,
): string {
  return [
    '/**',
    ` * Revision ${facts.approved}: ${comment(facts.summary.trim())}`,
    ' *',
    ` * Scaffolded by \`pnpm new-revision ${policy}\` as a full snapshot of revision`,
    ` * ${from}: every fact below is a copy to edit. Change only what this revision`,
    ' * changes, and cite the source line of each changed fact (or give a reading).',
    ' */',
    "import { defineRevision } from '@criteria/schema';",
    '',
    `export default defineRevision(${printLiteral(revision, 0, 'export default defineRevision('.length, ');')});`,
    '',
  ].join('\n');
}

/**
 * The changeset: `policy@revision`, then one line for providers and members
 * saying what changes and from when. The bump is `patch`: the untouched
 * snapshot changes only the record (dates, summary, notice); after editing,
 * lint's `changeset-bump` rule says which bump the revision's impact calls for.
 */
export function renderChangeset(
  packageName: string,
  policy: string,
  facts: NewRevisionFacts,
): string {
  const notice =
    facts.notice && facts.noticeDays !== null
      ? `, with ${facts.noticeDays}-day notice to providers`
      : '';
  return [
    '---',
    `"${packageName}": patch`,
    '---',
    '',
    `${policy}@${facts.approved}: ${facts.summary.trim()} (dates of service from ${facts.effective}${notice})`,
    '',
  ].join('\n');
}
