import { CriteriaError } from '@criteria/errors';
import { Command, CommanderError } from 'commander';
import { registerChangelog } from './commands/changelog.js';
import { registerDiff } from './commands/diff.js';
import { registerEvaluate } from './commands/evaluate.js';
import { registerImpact } from './commands/impact.js';
import { registerInEffect } from './commands/in-effect.js';
import { registerLint } from './commands/lint.js';
import { registerList } from './commands/list.js';
import { registerNotice } from './commands/notice.js';
import { registerTimeline } from './commands/timeline.js';
import { EXIT, ExitStatus, type Io, UsageError } from './io.js';

/** Each command registers itself; a new command is one file and one line here. */
const commands = [
  registerList,
  registerInEffect,
  registerTimeline,
  registerEvaluate,
  registerLint,
  registerDiff,
  registerNotice,
  registerChangelog,
  registerImpact,
];

export { EXIT, ExitStatus } from './io.js';

export function buildProgram(io: Io): Command {
  const program = new Command('criteria')
    .description('clinical review criteria as code: revisions, determinations, notices')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      // Commander's own messages ("error: missing required argument ...") become our one line.
      writeErr: (s) => io.stderr(s),
      outputError: (s, write) => write(`criteria: ${s.replace(/^error: /, '').trim()}\n`),
    })
    .showSuggestionAfterError(true);
  for (const register of commands) register(program, io);
  for (const c of program.commands) c.exitOverride().configureOutput(program.configureOutput());
  return program;
}

/**
 * Runs the CLI with `argv` (without `node` and the script) and returns the exit
 * status. Never throws: errors become one line on stderr.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let status: number = EXIT.ok;
  const program = buildProgram(io);
  try {
    const result = await program.parseAsync([...argv], { from: 'user' });
    const code = (result as unknown as { exitStatus?: number }).exitStatus;
    if (typeof code === 'number') status = code;
  } catch (e) {
    if (e instanceof ExitStatus) return e.code;
    if (e instanceof CommanderError) {
      if (
        e.code === 'commander.helpDisplayed' ||
        e.code === 'commander.version' ||
        e.exitCode === 0
      )
        return EXIT.ok;
      return EXIT.usage;
    }
    if (e instanceof CriteriaError || e instanceof UsageError) {
      io.stderr(`criteria: ${e.message}\n`);
      return EXIT.usage;
    }
    io.stderr(`criteria: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 70;
  }
  return status;
}
