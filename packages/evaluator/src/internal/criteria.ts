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
 * Each source's status on the date of service, as one short key (`a` active,
 * `r`/`R` retired and not/still applied): sourceStatus's rule on a date already
 * validated, without its result objects (the table's property test holds the
 * entries equal to criteriaOf called directly).
 */
export function statusKey(revision: LoadedRevision, line: LineOfBusiness, date: string): string {
  let key = '';
  for (const s of revision.criteria[line]?.sources ?? []) {
    const r = s.retirement;
    key += r === undefined || date < r.on ? 'a' : r.stillApplied ? 'R' : 'r';
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
