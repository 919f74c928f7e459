import { CriteriaError } from '@criteria/errors';
import { Command, CommanderError } from 'commander';
import { EXIT, ExitStatus, type Io, UsageError } from './io.js';

/** A command's registration: adds itself to the program. */
export type Register = (program: Command, io: Io) => void;

/** The `criteria` program with the given commands, writing through `io`, never exiting the process. */
export function createProgram(io: Io, commands: readonly Register[]): Command {
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
 * Parses `argv` with `program` and returns the exit status. Never throws:
 * errors become one line on stderr.
 */
export async function runProgram(
  program: Command,
  argv: readonly string[],
  io: Io,
): Promise<number> {
  let status: number = EXIT.ok;
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
    if (e instanceof CriteriaError && e.code === 'invalid_policy') {
      // A policy that does not validate refuses to load; lint reads its raw data and says why.
      io.stderr(`criteria: ${e.message}\n  (\`criteria lint\` lists every problem with its fix)\n`);
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
