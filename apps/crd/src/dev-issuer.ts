import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import type { TrustedIssuer } from './auth.js';

/** The development issuer's `iss`. Production turns it off (CRD_DEV_ISSUER=off). */
export const DEV_ISSUER = 'urn:criteria:crd:dev-issuer';
const ALG = 'ES256';
const KID = 'dev-1';

const keyFile = (dataDir: string) => join(dataDir, 'dev-issuer', 'private.jwk.json');

const writeAtomic = (path: string, text: string) => {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  renameSync(tmp, path);
};

/** The dev issuer's private key, created under `dataDir` on first use. */
export const devIssuerKey = async (dataDir: string): Promise<JWK> => {
  const file = keyFile(dataDir);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as JWK;
  } catch {
    mkdirSync(join(dataDir, 'dev-issuer'), { recursive: true, mode: 0o700 });
    const { privateKey } = await generateKeyPair(ALG, { extractable: true });
    const jwk = { ...(await exportJWK(privateKey)), kid: KID, alg: ALG, use: 'sig' };
    try {
      // Another process may have created it meanwhile: the first one wins.
      writeFileSync(file, JSON.stringify(jwk), { mode: 0o600, flag: 'wx' });
    } catch {
      return JSON.parse(readFileSync(file, 'utf8')) as JWK;
    }
    return jwk;
  }
};

/** The dev issuer as a trusted issuer (its public key only). */
export const devTrustedIssuer = async (dataDir: string): Promise<TrustedIssuer> => {
  const { d: _private, ...publicJwk } = await devIssuerKey(dataDir);
  return { iss: DEV_ISSUER, jwks: { keys: [publicJwk] } };
};

/**
 * Mints a short-lived CDS Hooks JWT from the development issuer.
 *
 * @example
 * const token = await mintDevToken('.data', { aud: 'http://127.0.0.1:3000/cds-services/imrt-order-sign' });
 */
export const mintDevToken = async (
  dataDir: string,
  opts: { aud: string; ttlSeconds?: number; jti?: string; sub?: string },
): Promise<string> => {
  const jwk = await devIssuerKey(dataDir);
  const key = await importJWK(jwk, ALG);
  return new SignJWT({ tenant: 'dev' })
    .setProtectedHeader({ alg: ALG, kid: KID, typ: 'JWT' })
    .setIssuer(DEV_ISSUER)
    .setAudience(opts.aud)
    .setIssuedAt()
    .setExpirationTime(`${opts.ttlSeconds ?? 300}s`)
    .setJti(opts.jti ?? randomUUID())
    .setSubject(opts.sub ?? 'dev-client')
    .sign(key);
};

export { writeAtomic };
