import type { Rule } from '../rule.js';
import { approvedNotAfterToday } from './approved-not-after-today.js';
import { changesetBump } from './changeset-bump.js';
import { citationExists } from './citation-exists.js';
import { effectiveNotBeforeApproval } from './effective-not-before-approval.js';
import { icd10WellFormed } from './icd10-well-formed.js';
import { noticePeriod } from './notice-period.js';
import { publishedImmutable } from './published-immutable.js';
import { readingHasReason } from './reading-has-reason.js';
import { restrictionRequiresNotice } from './restriction-requires-notice.js';
import { reviewOverdue } from './review-overdue.js';
import { revisionIdEqualsApproval } from './revision-id-equals-approval.js';
import { revisionIdsUnique } from './revision-ids-unique.js';
import { revisionUnlocked } from './revision-unlocked.js';
import { revisionsInApprovalOrder } from './revisions-in-approval-order.js';
import { schema } from './schema.js';

/** Every rule, in the order lint runs them and the docs list them. */
export const rules: readonly Rule[] = [
  schema,
  revisionIdEqualsApproval,
  revisionIdsUnique,
  revisionsInApprovalOrder,
  effectiveNotBeforeApproval,
  approvedNotAfterToday,
  noticePeriod,
  restrictionRequiresNotice,
  citationExists,
  readingHasReason,
  publishedImmutable,
  revisionUnlocked,
  reviewOverdue,
  icd10WellFormed,
  changesetBump,
];
