#!/usr/bin/env node
import { main } from './cli.js';
import { askOnTerminal } from './prompts.js';

const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
// pnpm runs root scripts from the repository root, which findRepoRoot finds from any cwd below it.
process.exitCode = await main(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(),
  today: () => {
    // The tool's one clock reading: the local calendar day, formatted by hand.
    const now = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  },
  ...(interactive && { ask: askOnTerminal }),
});
