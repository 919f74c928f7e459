/**
 * `pnpm -s crd:token --aud URL [--count N] [--ttl SECONDS]`: short-lived CDS
 * Hooks JWTs from the development issuer under DATA_DIR, one a line, each with
 * its own `jti`. For local use only: production turns the dev issuer off.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { mintDevToken } from './dev-issuer.js';

const fail = (message: string): never => {
  process.stderr.write(`crd:token: ${message}\n`);
  process.exit(2);
};

const run = async () => {
  let values: { aud?: string; count?: string; ttl?: string };
  try {
    ({ values } = parseArgs({
      options: { aud: { type: 'string' }, count: { type: 'string' }, ttl: { type: 'string' } },
      strict: true,
    }));
  } catch (e) {
    return fail((e as Error).message);
  }
  if (!values.aud)
    return fail(
      '--aud: expected the exact URL the token is for, e.g. http://127.0.0.1:3000/cds-services/imrt-order-sign',
    );
  try {
    new URL(values.aud);
  } catch {
    return fail(`--aud: \`${values.aud}\` is not a URL`);
  }
  const count = Number(values.count ?? '1');
  if (!Number.isInteger(count) || count < 1 || count > 100000)
    fail(`--count: \`${values.count}\` is not a whole number from 1 to 100000`);
  const ttl = Number(values.ttl ?? '300');
  if (!Number.isInteger(ttl) || ttl < 1 || ttl > 3600)
    fail(`--ttl: \`${values.ttl}\` is not a whole number of seconds from 1 to 3600`);
  const dataDir = resolve(process.env.DATA_DIR ?? '.data');
  const lines: string[] = [];
  for (let i = 0; i < count; i++)
    lines.push(await mintDevToken(dataDir, { aud: values.aud, ttlSeconds: ttl }));
  process.stdout.write(`${lines.join('\n')}\n`);
};

run().catch((e: unknown) => fail((e as Error).message));
