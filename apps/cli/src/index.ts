export { type Io, processIo, UsageError } from './io.js';
export { numberedLines } from './lines.js';
export { buildProgram, EXIT, run } from './program.js';
export { findPolicy, findRevision, policies } from './registry.js';
