/** The few words every renderer shares. Engine words only: no policy's facts. */
import type { Impact } from '@criteria/diff';
import type { CriteriaSourceKind, EffectiveOnBasis, LineOfBusiness } from '@criteria/schema';

export const lineName: Record<LineOfBusiness, string> = {
  medicare: 'Medicare',
  'non-medicare': 'Non-Medicare',
};

/** "Medicare", "Non-Medicare", "All lines of business", or a dash for none. */
export const linesName = (lines: readonly LineOfBusiness[]): string =>
  lines.length === 0
    ? '—'
    : lines.length === Object.keys(lineName).length
      ? 'All lines of business'
      : lines.map((l) => lineName[l]).join(', ');

export const sourceKindName: Record<CriteriaSourceKind, string> = {
  lcd: 'LCD',
  'billing-article': 'billing article',
  ncd: 'NCD',
  'cms-manual': 'CMS coverage manual',
  'mcg-guideline': 'MCG guideline',
  'plan-criteria': 'plan criteria',
};

export const impactName: Record<Impact | 'none', string> = {
  'expands-coverage': 'Expands coverage',
  'restricts-coverage': 'Restricts coverage',
  substantive: 'Substantive (direction not shown by the record)',
  administrative: 'Administrative',
  record: 'Revision record only',
  none: 'No change',
};

export const basisName: Record<EffectiveOnBasis, string> = {
  stated: 'stated',
  assumed: 'assumed: the record states no effective date',
  reading: 'a reading of the record',
};

/** The notice terms in a few words. */
export const noticeTerms = (n: {
  required: boolean;
  periodDays: number | null;
  basis: 'stated' | 'not-stated';
}): string =>
  n.required
    ? `${n.periodDays} days' advance notice required${n.basis === 'stated' ? ' (stated)' : ''}`
    : n.basis === 'stated'
      ? 'no advance notice required (stated)'
      : 'not stated';
