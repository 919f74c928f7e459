import { fixturePolicyWith } from '@criteria/fixture-policy';

/**
 * The fixture policy with its last revision (2022-03-02, a 60-day notice) taking effect only
 * 30 days after approval, on 2022-04-01, and with markup in its data (condition alpha's
 * label, the first summary), which every renderer must escape.
 */
export const shortNotice = fixturePolicyWith((p) => {
  const last = p.revisions.at(-1);
  if (last) last.effectiveOn = '2022-04-01';
  for (const r of p.revisions)
    for (const i of r.indications)
      if (i.id === 'condition-alpha') i.label = 'Condition alpha <a|b>';
  const first = p.revisions[0];
  if (first) first.summary = 'Widget therapy criteria <reinstated> & reviewed';
});
