export {
  CriteriaError,
  type ErrorCode,
  type FieldIssue,
  formatIssue,
  type IssueOptions,
  LISTED_ISSUES,
  listIssues,
} from './criteria-error.js';
export { err, ok, type Result } from './result.js';
export { escapeControl, PREVIEW_DEPTH, PREVIEW_LENGTH, previewValue } from './show-value.js';
