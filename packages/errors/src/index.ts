export { CriteriaError, type ErrorCode, type FieldIssue, formatIssue } from './criteria-error.js';
export { err, ok, type Result } from './result.js';
