#!/usr/bin/env node
import { main } from './cli.js';
import { askOnTerminal } from './prompts.js';

const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
// pnpm runs root scripts from the repository root, which findRepoRoot finds from any cwd below it.
process.exitCode = await main(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(),
  ...(interactive && { ask: askOnTerminal }),
});
