/**
 * `pnpm consumer:check`: the packages as a service installs them, through a real
 * registry. Starts verdaccio on a free loopback port with a temporary storage
 * folder, publishes every public package to it (`pnpm publish -r`, the versions
 * changesets wrote), then, in an empty folder outside the workspace:
 * `npm install @criteria/evaluator @criteria/policy-imrt @criteria/cli`, the
 * README's "From a service" snippet type-checked with `tsc --strict` and run
 * with plain `node`, a refused request (the evaluator loads zod then), and the
 * installed `criteria in-effect imrt --date 2021-09-01 --json`. Exit 0 when all
 * of it works; everything is removed after.
 *
 * Packages from outside the workspace (zod, commander...) come through verdaccio
 * from the registry npm is configured with; `@criteria/*` only from what was
 * just published.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readmeSnippet } from './readme-snippet.js';
import { buildPublic, PNPM, publicPackages, root, sh } from './workspace.js';

const step = (text: string) => process.stdout.write(`--- consumer:check: ${text}\n`);

/** The environment without what the running pnpm exported (its npm_config_*: registry, user agent...). */
const cleanEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  ...Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^npm_|^pnpm_/i.test(k) && k !== 'INIT_CWD'),
  ),
  ...extra,
});

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });

async function waitUntilUp(url: string, server: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (server.exitCode !== null)
      throw new Error(`verdaccio exited (${server.exitCode}):\n${log()}`);
    try {
      if ((await fetch(`${url}-/ping`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`verdaccio did not answer on ${url} within 120 s:\n${log()}`);
}

const work = mkdtempSync(join(tmpdir(), 'criteria-consumer-'));
let server: ChildProcess | undefined;
let serverLog = '';
try {
  const packages = publicPackages();
  step(`build ${packages.length} public packages`);
  buildPublic(packages);

  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const upstream = sh(['npm', 'config', 'get', 'registry'], {
    capture: true,
    env: cleanEnv(),
  }).trim();
  const storage = join(work, 'storage');
  mkdirSync(storage);
  writeFileSync(
    join(work, 'verdaccio.yaml'),
    [
      `storage: ${storage}`,
      'auth:',
      '  htpasswd:',
      `    file: ${join(work, 'htpasswd')}`,
      'uplinks:',
      '  upstream:',
      `    url: ${upstream}`,
      '    timeout: 120s',
      'packages:',
      "  '@criteria/*':",
      '    access: $all',
      '    publish: $authenticated',
      "  '**':",
      '    access: $all',
      '    publish: $authenticated',
      '    proxy: upstream',
      'log: { type: stdout, format: pretty, level: warn }',
      '',
    ].join('\n'),
  );
  step(`start verdaccio on ${url} (storage ${storage}; other packages from ${upstream})`);
  server = spawn(
    process.execPath,
    [
      join(root, 'node_modules', 'verdaccio', 'bin', 'verdaccio'),
      '--config',
      join(work, 'verdaccio.yaml'),
      '--listen',
      `127.0.0.1:${port}`,
    ],
    { cwd: work, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  server.stdout?.on('data', (d) => {
    serverLog += String(d);
  });
  server.stderr?.on('data', (d) => {
    serverLog += String(d);
  });
  await waitUntilUp(url, server, () => serverLog);

  // A user for publishing (verdaccio's htpasswd: the first request creates it).
  const user = await fetch(`${url}-/user/org.couchdb.user:ci`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'ci', password: 'consumer-check' }),
  });
  const { token } = (await user.json()) as { token?: string };
  if (!user.ok || !token) throw new Error(`verdaccio: adding a user failed (${user.status})`);
  const npmrc = join(work, 'npmrc');
  const host = url.replace(/^http:/, '');
  writeFileSync(npmrc, `registry=${url}\n${host}:_authToken=${token}\n`);
  const registryEnv = cleanEnv({ npm_config_userconfig: npmrc, npm_config_registry: url });

  step(`publish ${packages.map((p) => `${p.name}@${p.version}`).join(', ')}`);
  sh([...PNPM, 'publish', '-r', '--no-git-checks', '--registry', url, '--reporter=default'], {
    env: registryEnv,
  });

  const consumer = join(work, 'service');
  mkdirSync(consumer);
  writeFileSync(
    join(consumer, 'package.json'),
    `${JSON.stringify({ name: 'a-service', private: true, type: 'module' }, null, 2)}\n`,
  );
  step(`npm install in ${consumer}`);
  sh(
    [
      'npm',
      'install',
      '--no-audit',
      '--no-fund',
      '@criteria/evaluator',
      '@criteria/policy-imrt',
      '@criteria/cli',
      '@types/node@^20',
    ],
    { cwd: consumer, env: registryEnv },
  );

  step('the README\'s "From a service" snippet: tsc --strict, then node');
  const snippet = readmeSnippet(
    readFileSync(join(root, 'README.md'), 'utf8'),
    '### From a service',
  );
  writeFileSync(join(consumer, 'service.ts'), snippet);
  writeFileSync(
    join(consumer, 'tsconfig.json'),
    `${JSON.stringify(
      {
        compilerOptions: {
          strict: true,
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          types: ['node'],
          outDir: 'out',
        },
        files: ['service.ts'],
      },
      null,
      2,
    )}\n`,
  );
  sh([process.execPath, join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', consumer], {
    cwd: consumer,
    env: cleanEnv(),
  });
  const ran = sh([process.execPath, join(consumer, 'out', 'service.js')], {
    cwd: consumer,
    env: cleanEnv(),
    capture: true,
  });
  process.stdout.write(ran);
  if (!/^200 /m.test(ran)) throw new Error('the snippet did not answer 200');

  // The evaluator loads zod only for a refused request, requiring its own
  // `@criteria/evaluator/schemas` by the package's name from the bundled build.
  step('a refused request through the installed evaluator (zod loaded on first use)');
  const refused = sh(
    [
      process.execPath,
      '--input-type=module',
      '-e',
      [
        "import { safeEvaluate } from '@criteria/evaluator';",
        "import { imrt } from '@criteria/policy-imrt';",
        "const r = safeEvaluate(imrt, { policy: 'imrt', dateOfService: '2021-02-30', procedureCodes: [] });",
        "process.stdout.write(r.ok ? 'ok' : r.issues.map((i) => i.path).join(','));",
      ].join(' '),
    ],
    { cwd: consumer, env: cleanEnv(), capture: true },
  );
  if (refused !== 'lineOfBusiness,dateOfService,procedureCodes')
    throw new Error(`a refused request gave ${refused}, expected its three issues' paths`);

  step('the installed criteria in-effect imrt --date 2021-09-01 --json');
  const out = sh(
    [
      join(consumer, 'node_modules', '.bin', 'criteria'),
      'in-effect',
      'imrt',
      '--date',
      '2021-09-01',
      '--json',
    ],
    { cwd: consumer, env: cleanEnv(), capture: true },
  );
  process.stdout.write(out);
  const revision = (JSON.parse(out) as { revision?: { id?: string } }).revision?.id;
  if (revision !== '2021-03-02')
    throw new Error(`criteria in-effect: revision ${String(revision)}, expected 2021-03-02`);
  step('ok');
} catch (e) {
  process.stderr.write(`consumer:check failed: ${e instanceof Error ? e.message : String(e)}\n`);
  if (serverLog) process.stderr.write(`verdaccio log:\n${serverLog}\n`);
  process.exitCode = 1;
} finally {
  server?.kill();
  rmSync(work, { recursive: true, force: true });
}
