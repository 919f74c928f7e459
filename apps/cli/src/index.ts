export { type Io, processIo, UsageError } from './io.js';
export { buildProgram, EXIT, run } from './program.js';
