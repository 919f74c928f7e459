#!/usr/bin/env node
import { CriteriaError } from '@criteria/errors';
import { EXIT, processIo } from './io.js';

const argv = process.argv.slice(2);
const io = processIo();
if (argv[0] === 'lint') {
  // Lint must report a policy that does not validate, which the full program cannot even load.
  const { runLint } = await import('./lint-program.js');
  process.exitCode = await runLint(argv, io);
} else {
  try {
    const { run } = await import('./program.js');
    process.exitCode = await run(argv, io);
  } catch (e) {
    // Loading the program loads every policy; one that does not validate stops here, in one line.
    if (!(e instanceof CriteriaError)) throw e;
    io.stderr(`criteria: ${e.message}\n  (\`criteria lint\` lists every problem with its fix)\n`);
    process.exitCode = EXIT.usage;
  }
}
