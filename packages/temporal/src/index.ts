export { inEffect, selectRevision, type AsOfOptions, type Dated } from './select.js';
export { timeline, type TimelineEntry } from './timeline.js';
export { sourceStatus, type SourceStatus } from './source-status.js';
