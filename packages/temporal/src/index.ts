export { type AsOfOptions, type Dated, inEffect, selectRevision } from './select.js';
export { type SourceStatus, sourceStatus } from './source-status.js';
export { type TimelineEntry, timeline } from './timeline.js';
