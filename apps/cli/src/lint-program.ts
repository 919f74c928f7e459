import { registerLint } from './commands/lint.js';
import type { Io } from './io.js';
import { createProgram, runProgram } from './run-program.js';

/**
 * `criteria lint` alone. It imports no policy package: the other commands load
 * every policy through the registry, and a policy that does not validate
 * refuses to load, while lint reads the raw policy data and reports what is wrong.
 */
export function runLint(argv: readonly string[], io: Io): Promise<number> {
  return runProgram(createProgram(io, [registerLint]), argv, io);
}
