import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import type { TrustedIssuer } from './auth.js';

/** The development issuer's `iss`. Production turns it off (CRD_DEV_ISSUER=off). */
export const DEV_ISSUER = 'urn:criteria:crd:dev-issuer';
/**
 * RS384: one of the two algorithms CDS Hooks names for clients (ES384, RS384), and the
 * cheaper one to verify by far: jose's verify costs about 75 µs of CPU for RS384 against
 * about 700 µs for ES384 on this project's machine (docs/performance.md). The algorithm is
 * the client's choice; the service accepts every asymmetric one in `ALGORITHMS`.
 */
const ALG = 'RS384';
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
  // An EC key's private part is `d`; an RSA key's is `d`, `p`, `q`, `dp`, `dq`, `qi` (and `oth`).
  const {
    d: _d,
    p: _p,
    q: _q,
    dp: _dp,
    dq: _dq,
    qi: _qi,
    oth: _oth,
    ...publicJwk
  } = await devIssuerKey(dataDir);
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
  // A key created before the switch to RS384 (an ES256 one) keeps its own algorithm.
  const alg = jwk.alg ?? ALG;
  const key = await importJWK(jwk, alg);
  return new SignJWT({ tenant: 'dev' })
    .setProtectedHeader({ alg, kid: jwk.kid ?? KID, typ: 'JWT' })
    .setIssuer(DEV_ISSUER)
    .setAudience(opts.aud)
    .setIssuedAt()
    .setExpirationTime(`${opts.ttlSeconds ?? 300}s`)
    .setJti(opts.jti ?? randomUUID())
    .setSubject(opts.sub ?? 'dev-client')
    .sign(key);
};

export { writeAtomic };
