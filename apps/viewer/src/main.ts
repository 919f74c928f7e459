#!/usr/bin/env node
/**
 * `serve [--host H] [--port P]`: the viewer alone on fastify.
 * `site --out DIR [--today YYYY-MM-DD]`: the same pages written as static files.
 * The only place the clock is read (`systemToday`) unless --today is given.
 */
import { parseArgs } from 'node:util';
import { isIsoDate } from '@criteria/calendar';
import { findRepoRoot } from '@criteria/lint';
import Fastify from 'fastify';
import { loadViewerData } from './data.js';
import { exportSite } from './export.js';
import { viewerPlugin } from './plugin.js';
import { createSite } from './site.js';
import { systemToday } from './today.js';

const fail = (message: string): never => {
  process.stderr.write(`viewer: ${message}\n`);
  process.exit(2);
};

const [command, ...rest] = process.argv.slice(2);
let values: Record<string, string | undefined>;
try {
  values = parseArgs({
    args: rest,
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '4173' },
      out: { type: 'string' },
      today: { type: 'string' },
    },
    strict: true,
  }).values as Record<string, string | undefined>;
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
  throw e;
}
if (values.today !== undefined && !isIsoDate(values.today))
  fail(`--today: \`${values.today}\` is not a calendar date YYYY-MM-DD`);
const today = () => values.today ?? systemToday();

const { data, problems } = await loadViewerData(findRepoRoot(process.cwd()));
for (const p of problems) process.stderr.write(`viewer: skipped policy ${p}\n`);

if (command === 'site') {
  if (!values.out) fail('site: --out DIR is required');
  try {
    const n = await exportSite(createSite(data), values.out as string, today());
    process.stderr.write(`viewer: wrote ${n} files to ${values.out}\n`);
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
} else if (command === 'serve') {
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`--port: \`${values.port}\` is not a port number (0 to 65535)`);
  const app = Fastify({ logger: false });
  await app.register(viewerPlugin, { data, today });
  const address = await app.listen({ host: values.host as string, port });
  process.stdout.write(`listening on ${address}\n`);
  const stop = () => {
    void app.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} else {
  fail('usage: serve [--host H] [--port P] | site --out DIR [--today YYYY-MM-DD]');
}
