#!/usr/bin/env node
import { processIo } from './io.js';
import { run } from './program.js';

// `run` imports only the command being run; it never throws (errors are one line on stderr).
process.exitCode = await run(process.argv.slice(2), processIo());
