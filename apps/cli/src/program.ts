import type { Command } from 'commander';
import { registerChangelog } from './commands/changelog.js';
import { registerCodes } from './commands/codes.js';
import { registerDiff } from './commands/diff.js';
import { registerEvaluate } from './commands/evaluate.js';
import { registerImpact } from './commands/impact.js';
import { registerInEffect } from './commands/in-effect.js';
import { registerLint } from './commands/lint.js';
import { registerList } from './commands/list.js';
import { registerNotice } from './commands/notice.js';
import { registerReadings } from './commands/readings.js';
import { registerTimeline } from './commands/timeline.js';
import type { Io } from './io.js';
import { createProgram, runProgram } from './run-program.js';

/** Each command registers itself; a new command is one file and one line here. */
const commands = [
  registerList,
  registerInEffect,
  registerTimeline,
  registerCodes,
  registerEvaluate,
  registerLint,
  registerDiff,
  registerNotice,
  registerChangelog,
  registerReadings,
  registerImpact,
];

export { EXIT, ExitStatus } from './io.js';

/** The `criteria` program with every command. */
export function buildProgram(io: Io): Command {
  return createProgram(io, commands);
}

/**
 * Runs the CLI with `argv` (without `node` and the script) and returns the exit
 * status. Never throws: errors become one line on stderr.
 */
export function run(argv: readonly string[], io: Io): Promise<number> {
  return runProgram(buildProgram(io), argv, io);
}
