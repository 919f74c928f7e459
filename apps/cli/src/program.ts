import type { Command } from 'commander';
import type { Io } from './io.js';
import { createProgram, type Register, runProgram } from './run-program.js';

/**
 * Every command, by name, each imported only when it runs (or for the full help):
 * `criteria list` loads the list command and nothing of diff, notice, impact or
 * lint. A new command is one file and one line here.
 */
const commands: Readonly<Record<string, () => Promise<Register>>> = {
  list: async () => (await import('./commands/list.js')).registerList,
  'in-effect': async () => (await import('./commands/in-effect.js')).registerInEffect,
  timeline: async () => (await import('./commands/timeline.js')).registerTimeline,
  codes: async () => (await import('./commands/codes.js')).registerCodes,
  evaluate: async () => (await import('./commands/evaluate.js')).registerEvaluate,
  lint: async () => (await import('./commands/lint.js')).registerLint,
  diff: async () => (await import('./commands/diff.js')).registerDiff,
  notice: async () => (await import('./commands/notice.js')).registerNotice,
  changelog: async () => (await import('./commands/changelog.js')).registerChangelog,
  readings: async () => (await import('./commands/readings.js')).registerReadings,
  impact: async () => (await import('./commands/impact.js')).registerImpact,
};

export { EXIT, ExitStatus } from './io.js';

/**
 * The `criteria` program for this command line: only the command `argv` names,
 * or every command when it names none (help, a typo to suggest a fix for).
 */
export async function buildProgram(io: Io, argv: readonly string[] = []): Promise<Command> {
  const first = argv[0];
  const named = first !== undefined && Object.hasOwn(commands, first) ? commands[first] : undefined;
  const loaders = named ? [named] : Object.values(commands);
  return createProgram(io, await Promise.all(loaders.map((load) => load())));
}

/**
 * Runs the CLI with `argv` (without `node` and the script) and returns the exit
 * status. Never throws: errors become one line on stderr.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  return runProgram(await buildProgram(io, argv), argv, io);
}
