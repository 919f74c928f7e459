export { CriteriaError, type ErrorCode, type FieldIssue, formatIssue } from './criteria-error.js';
export { type Result, ok, err } from './result.js';
