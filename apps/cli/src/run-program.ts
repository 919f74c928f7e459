import { CriteriaError, escapeControl } from '@criteria/errors';
import { Command, CommanderError, type Option } from 'commander';
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
      outputError: (s, write) =>
        write(`criteria: ${escapeControl(s.replace(/^error: /, '').trim())}\n`),
    })
    .showSuggestionAfterError(true);
  for (const register of commands) register(program, io);
  for (const c of program.commands) {
    c.exitOverride().configureOutput(program.configureOutput());
    for (const option of c.options) onlyOnce(option);
  }
  return program;
}

/**
 * Makes an option that takes a value refuse to be given twice (`--date A --date B`
 * would otherwise silently take B), through commander's own hook for parsing an
 * option's value. The program is built anew for every run, so "seen" is per run.
 */
function onlyOnce(option: Option): void {
  if (!(option.required || option.optional) || option.variadic) return;
  const parse = option.parseArg;
  let seen: string | undefined;
  option.argParser((value: string, previous: unknown) => {
    if (seen !== undefined)
      throw new UsageError(
        `${option.long ?? option.flags}: given more than once (\`${seen}\`, then \`${value}\`); give it once`,
      );
    seen = value;
    return parse ? parse(value, previous) : value;
  });
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
      io.stderr(`criteria: ${escapeControl(e.message)}\n`);
      return EXIT.usage;
    }
    io.stderr(
      `criteria: internal error: ${escapeControl(e instanceof Error ? e.message : String(e))}\n`,
    );
    return 70;
  }
  return status;
}
