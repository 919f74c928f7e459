import { constants, createPublicKey, verify as cryptoVerify, KeyObject } from 'node:crypto';
import { createRemoteJWKSet, type JSONWebKeySet, type JWK } from 'jose';

/** A trusted issuer: its `iss` and where its public keys are (a JWKS URL or the keys themselves). */
export interface TrustedIssuer {
  iss: string;
  jwksUrl?: string;
  jwks?: JSONWebKeySet;
}

/** Asymmetric algorithms only: never `none`, never HMAC. */
export const ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];

/** Clock tolerance for `exp`, `iat` and `nbf`, in seconds. */
export const CLOCK_TOLERANCE_S = 30;
/** A token older than this (by `iat`) is refused even before `exp` (CDS Hooks: short-lived). */
export const MAX_TOKEN_AGE_S = 600;

export class AuthError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

export interface VerifiedToken {
  iss: string;
  jti: string;
  exp: number;
  sub?: string;
}

/** What each algorithm needs: its digest, and the key type (and curve) it may be used with. */
interface AlgSpec {
  /** The digest for `crypto.verify` (null: EdDSA, which hashes itself). */
  hash: string | null;
  /** `KeyObject.asymmetricKeyType`s allowed. */
  keyTypes: readonly string[];
  /** JWK `kty` of the keys it selects. */
  kty: 'RSA' | 'EC' | 'OKP';
  /** EC: the named curve (OpenSSL name) and JWK `crv`. */
  curve?: { openssl: string; jwk: string };
  pss?: boolean;
}
const rsa = (hash: string, pss = false): AlgSpec => ({
  hash,
  keyTypes: pss ? ['rsa', 'rsa-pss'] : ['rsa'],
  kty: 'RSA',
  pss,
});
const ec = (hash: string, openssl: string, jwk: string): AlgSpec => ({
  hash,
  keyTypes: ['ec'],
  kty: 'EC',
  curve: { openssl, jwk },
});
const SPECS: Readonly<Record<string, AlgSpec>> = {
  RS256: rsa('sha256'),
  RS384: rsa('sha384'),
  RS512: rsa('sha512'),
  PS256: rsa('sha256', true),
  PS384: rsa('sha384', true),
  PS512: rsa('sha512', true),
  ES256: ec('sha256', 'prime256v1', 'P-256'),
  ES384: ec('sha384', 'secp384r1', 'P-384'),
  ES512: ec('sha512', 'secp521r1', 'P-521'),
  EdDSA: { hash: null, keyTypes: ['ed25519', 'ed448'], kty: 'OKP' },
};

/** True when `key` may verify `alg` (type, curve, RSA at least 2048 bits). */
const keyFits = (key: KeyObject, spec: AlgSpec): boolean => {
  if (key.type !== 'public' || !spec.keyTypes.includes(key.asymmetricKeyType ?? '')) return false;
  const details = key.asymmetricKeyDetails ?? {};
  if (spec.curve && details.namedCurve !== spec.curve.openssl) return false;
  if (spec.kty === 'RSA' && (details.modulusLength ?? 0) < 2048) return false;
  return true;
};

/** A JWKS key, imported once as a node:crypto key object. */
interface LocalKey {
  kid: string | undefined;
  alg: string | undefined;
  kty: string;
  key: KeyObject;
}

/** Imports a JWKS's signature keys (an `oct` secret or a key marked for other uses is left out). */
const importJwks = (jwks: JSONWebKeySet): LocalKey[] => {
  const out: LocalKey[] = [];
  for (const jwk of jwks.keys ?? []) {
    if (jwk.kty !== 'RSA' && jwk.kty !== 'EC' && jwk.kty !== 'OKP') continue;
    if (jwk.use !== undefined && jwk.use !== 'sig') continue;
    if (Array.isArray(jwk.key_ops) && !jwk.key_ops.includes('verify')) continue;
    try {
      const { d: _private, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...pub } = jwk as JWK;
      out.push({
        kid: jwk.kid,
        alg: jwk.alg,
        kty: jwk.kty,
        key: createPublicKey({ key: pub as never, format: 'jwk' }),
      });
    } catch {
      // A key node cannot import is never selected.
    }
  }
  return out;
};

const segment = (text: string): Record<string, unknown> => {
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw new AuthError('ERR_JWS_INVALID');
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new AuthError('ERR_JWT_INVALID');
  return v as Record<string, unknown>;
};

/**
 * Verifies a signature; false on any failure. Synchronous on purpose: on the
 * thread pool (node's callback form) the event loop saved about 40 µs per call
 * but the process spent about 27 µs more, and under load (two cores shared by
 * the event loop, PGlite's thread and the client) the extra runnable thread
 * added latency and lowered throughput (docs/performance.md).
 */
const signatureValid = (spec: AlgSpec, key: KeyObject, data: Buffer, signature: Buffer) => {
  const keyInput =
    spec.kty === 'EC'
      ? { key, dsaEncoding: 'ieee-p1363' as const }
      : spec.pss
        ? {
            key,
            padding: constants.RSA_PKCS1_PSS_PADDING,
            saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
          }
        : key;
  try {
    return cryptoVerify(spec.hash, data, keyInput, signature);
  } catch {
    return false;
  }
};

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Verifies CDS Hooks bearer JWTs: a trusted `iss` with its JWKS, an asymmetric
 * `alg` that fits the key, `aud` equal to the URL called, `exp`/`iat` (and
 * `nbf`) with a small tolerance, a `jti`. Replay is checked by the caller (the
 * store remembers `jti`s).
 *
 * The signature is checked with `node:crypto` against key objects imported once
 * per JWKS key (jose's WebCrypto path cost about twice as much per call, see
 * docs/performance.md); a remote JWKS is still fetched, cached and refreshed by
 * jose, and its keys are converted once each.
 */
export const tokenVerifier = (issuers: readonly TrustedIssuer[]) => {
  type Resolver = (header: { alg: string; kid?: string }, token: string) => Promise<KeyObject[]>;
  const resolvers = new Map<string, Resolver>();
  for (const i of issuers) {
    if (i.jwks) {
      const keys = importJwks(i.jwks);
      resolvers.set(i.iss, async (header) => {
        const spec = SPECS[header.alg] as AlgSpec;
        return keys
          .filter(
            (k) =>
              (header.kid === undefined || k.kid === header.kid) &&
              (k.alg === undefined || k.alg === header.alg) &&
              k.kty === spec.kty &&
              keyFits(k.key, spec),
          )
          .map((k) => k.key);
      });
    } else if (i.jwksUrl) {
      const remote = createRemoteJWKSet(new URL(i.jwksUrl), { timeoutDuration: 5000 });
      const converted = new WeakMap<object, KeyObject>();
      resolvers.set(i.iss, async (header, token) => {
        let found: unknown;
        try {
          found = await remote(header, { payload: '', signature: '', protected: token });
        } catch {
          return [];
        }
        if (typeof found !== 'object' || found === null) return [];
        let key = converted.get(found);
        if (!key) {
          key =
            found instanceof KeyObject
              ? found
              : KeyObject.from(found as Parameters<typeof KeyObject.from>[0]);
          converted.set(found, key);
        }
        return [key];
      });
    }
  }
  return async (authorization: string | undefined, audience: string): Promise<VerifiedToken> => {
    const m = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(
      authorization ?? '',
    );
    if (!authorization?.startsWith('Bearer ')) throw new AuthError('missing bearer token');
    if (!m?.[1] || !m[2] || !m[3]) throw new AuthError('malformed token');
    const header = segment(m[1]);
    const payload = segment(m[2]);
    const alg = header.alg;
    if (typeof alg !== 'string' || !ALGORITHMS.includes(alg))
      throw new AuthError('ERR_JOSE_ALG_NOT_ALLOWED');
    if (header.crit !== undefined) throw new AuthError('ERR_JOSE_NOT_SUPPORTED');
    if (header.kid !== undefined && typeof header.kid !== 'string')
      throw new AuthError('ERR_JWS_INVALID');
    const iss = payload.iss;
    const resolve = typeof iss === 'string' ? resolvers.get(iss) : undefined;
    if (!resolve || typeof iss !== 'string') throw new AuthError('untrusted issuer');
    const spec = SPECS[alg] as AlgSpec;
    const keys = (
      await resolve({ alg, ...(header.kid === undefined ? {} : { kid: header.kid }) }, m[1])
    ).filter((k) => keyFits(k, spec));
    if (keys.length === 0) throw new AuthError('ERR_JWKS_NO_MATCHING_KEY');
    const data = Buffer.from(`${m[1]}.${m[2]}`);
    const signature = Buffer.from(m[3], 'base64url');
    let valid = false;
    for (const key of keys) {
      if (signatureValid(spec, key, data, signature)) {
        valid = true;
        break;
      }
    }
    if (!valid) throw new AuthError('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');

    // Claims, after the signature (as jose orders them).
    const now = Math.floor(Date.now() / 1000);
    const aud = payload.aud;
    if (!(aud === audience || (Array.isArray(aud) && aud.includes(audience))))
      throw new AuthError('ERR_JWT_CLAIM_VALIDATION_FAILED');
    const { exp, iat, nbf, jti } = payload;
    if (!isNumber(exp) || !isNumber(iat) || typeof jti !== 'string' || jti === '')
      throw new AuthError('ERR_JWT_CLAIM_VALIDATION_FAILED');
    if (exp <= now - CLOCK_TOLERANCE_S) throw new AuthError('ERR_JWT_EXPIRED');
    const age = now - iat;
    if (age < -CLOCK_TOLERANCE_S) throw new AuthError('ERR_JWT_CLAIM_VALIDATION_FAILED');
    if (age - CLOCK_TOLERANCE_S > MAX_TOKEN_AGE_S) throw new AuthError('ERR_JWT_EXPIRED');
    if (nbf !== undefined && (!isNumber(nbf) || nbf > now + CLOCK_TOLERANCE_S))
      throw new AuthError('ERR_JWT_CLAIM_VALIDATION_FAILED');
    return {
      iss,
      jti,
      exp,
      ...(typeof payload.sub === 'string' ? { sub: payload.sub } : {}),
    };
  };
};
