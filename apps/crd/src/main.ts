/**
 * `pnpm serve`: the coverage service. Prints one line, `listening on
 * http://HOST:PORT`, when ready; SIGTERM or SIGINT closes it cleanly (in-flight
 * requests finish, then the database is closed).
 */
import { fileURLToPath } from 'node:url';
import { findRepoRoot } from '@criteria/lint';
import { loadViewerData, viewerPlugin } from '@criteria/viewer';
import { zonedToday } from './clock.js';
import { ConfigError, loadEnvironment } from './config.js';
import { startService } from './start.js';

const main = async () => {
  let env: ReturnType<typeof loadEnvironment>;
  try {
    env = loadEnvironment(process.env, process.argv.slice(2));
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`crd: ${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
  // The web viewer, served at `/` by the same process (its revision pages are the
  // policy-link of every coverage-information); its "today" is the plan's day.
  const { data, problems } = await loadViewerData(
    findRepoRoot(fileURLToPath(new URL('.', import.meta.url))),
  );
  for (const p of problems) process.stderr.write(`crd: viewer skipped policy ${p}\n`);
  const { app, url } = await startService(env, [
    { plugin: viewerPlugin, options: { data, today: zonedToday() } },
  ]);
  process.stdout.write(`listening on ${url}\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'closing');
    app.close().then(
      () => process.exit(0),
      (e: unknown) => {
        process.stderr.write(`crd: error while closing: ${(e as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
};

main().catch((e: unknown) => {
  process.stderr.write(`crd: ${(e as Error).message}\n`);
  process.exit(1);
});
