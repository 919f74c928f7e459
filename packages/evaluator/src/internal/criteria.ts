/** The criteria sources a line of business applies under the governing revision, and what they say. */
import type { LineOfBusiness, LoadedRevision } from '@criteria/schema/core';
import { sourceStatus } from '@criteria/temporal';
import type { AppliedCriteria, Reason } from '../determination.js';
import type { CriteriaContentProvider } from '../evaluate.js';
import { lineName, provenanceBasis, reason } from './basis.js';

export interface CriteriaPart {
  criteria: AppliedCriteria[];
  /** Said only when the route is not `not-applicable`. */
  reasons: Reason[];
}

/**
 * Each source's status on the date of service, as one number (a digit in base
 * 3 per source: 0 active, 1/2 retired and not/still applied): sourceStatus's
 * rule on a date already validated, without its result objects (the table's
 * property test holds the entries equal to criteriaOf called directly). -1
 * when a line has too many sources for the number to be exact (not cached).
 */
export function statusKey(revision: LoadedRevision, line: LineOfBusiness, date: string): number {
  const sources = revision.criteria[line]?.sources;
  if (sources === undefined) return 0;
  if (sources.length > 30) return -1;
  let key = 0;
  for (let i = 0; i < sources.length; i++) {
    const r = (sources[i] as (typeof sources)[number]).retirement;
    key = key * 3 + (r === undefined || date < r.on ? 0 : r.stillApplied ? 2 : 1);
  }
  return key;
}

/** The criteria of a line under a revision on a date; `provider` locates their content. */
export function criteriaOf(
  revision: LoadedRevision | null,
  line: LineOfBusiness,
  date: string,
  provider: CriteriaContentProvider | undefined,
): CriteriaPart {
  const lineCriteria = revision ? revision.criteria[line] : null;
  const criteria = (lineCriteria?.sources ?? []).map((s) => {
    const status = sourceStatus(s, date);
    return {
      kind: s.kind,
      id: s.id,
      title: s.title,
      status: status.status,
      ...(status.status === 'retired' ? { retiredOn: status.retiredOn } : {}),
      applied: status.applied,
      ...(s.edition ? { edition: s.edition } : {}),
      content: {
        ref: `${s.content.provider}:${s.content.key}`,
        licensed: s.content.licensed,
        location: provider?.locate(s.content) ?? null,
      },
    };
  });
  const reasons: Reason[] = [];
  if (revision && lineCriteria) {
    for (const [k, c] of criteria.entries()) {
      const src = lineCriteria.sources[k];
      if (!src) continue;
      reasons.push(
        reason(
          'criteria.source',
          `Criteria for ${lineName(line)} members: ${c.kind} ${c.id}${c.status === 'retired' ? ` (retired ${c.retiredOn}, ${c.applied ? 'still applied' : 'not applied'})` : ''}.`,
          provenanceBasis(src.provenance, `${revision.id}:criteria.${line}.${src.id}`),
        ),
      );
    }
    if (lineCriteria.silence)
      reasons.push(
        reason(
          'criteria.silence',
          `The source does not name the ${lineName(line)} criteria sources for revision ${revision.id}.`,
          provenanceBasis(lineCriteria.silence, `${revision.id}:criteria.${line}.silence`),
        ),
      );
  }
  return { criteria, reasons };
}
