import type { FastifyInstance } from 'fastify';
import type { Environment } from './config.js';
import { trustedIssuersOf } from './config.js';
import { devTrustedIssuer } from './dev-issuer.js';
import { tableMemberLookup } from './member.js';
import { buildServer, type ExtraPlugin } from './server.js';
import { openStore } from './store.js';

/**
 * Opens the store, builds the service from the environment and listens.
 * `plugins` are registered at `/` beside the service (e.g. the web viewer).
 */
export const startService = async (
  env: Environment,
  plugins: ExtraPlugin[] = [],
): Promise<{ app: FastifyInstance; url: string }> => {
  const store = await openStore({ dataDir: env.dataDir, databaseUrl: env.databaseUrl });
  const trustedIssuers = trustedIssuersOf(env.file);
  if (env.devIssuer) trustedIssuers.push(await devTrustedIssuer(env.dataDir));
  const app = await buildServer({
    store,
    trustedIssuers,
    ...(env.publicUrl ? { publicUrl: env.publicUrl } : {}),
    ...(env.file.members ? { memberLookup: tableMemberLookup(env.file.members) } : {}),
    coverageClassMap: env.file.coverageClassMap,
    codeCheck: env.file.codeCheck,
    ...(env.file.payer ? { payer: env.file.payer } : {}),
    ...(env.file.fhirTimeoutMs ? { fhirTimeoutMs: env.file.fhirTimeoutMs } : {}),
    memberHashKey: env.memberHashKey,
    plugins,
  });
  await app.listen({ host: env.host, port: env.port, listenTextResolver: () => 'listening' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : env.port;
  const host = env.host.includes(':') ? `[${env.host}]` : env.host;
  return { app, url: `http://${host}:${port}` };
};
