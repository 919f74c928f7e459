import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  errors,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
  jwtVerify,
} from 'jose';

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

/**
 * Verifies CDS Hooks bearer JWTs: a trusted `iss` with its JWKS, an asymmetric
 * `alg`, `aud` equal to the URL called, `exp`/`iat` with a small tolerance, a
 * `jti`. Replay is checked by the caller (the store remembers `jti`s).
 */
export const tokenVerifier = (issuers: readonly TrustedIssuer[]) => {
  const keys = new Map<string, JWTVerifyGetKey>();
  for (const i of issuers) {
    if (i.jwks) keys.set(i.iss, createLocalJWKSet(i.jwks));
    else if (i.jwksUrl)
      keys.set(i.iss, createRemoteJWKSet(new URL(i.jwksUrl), { timeoutDuration: 5000 }));
  }
  return async (authorization: string | undefined, audience: string): Promise<VerifiedToken> => {
    if (!authorization?.startsWith('Bearer ')) throw new AuthError('missing bearer token');
    const m = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(authorization);
    if (!m?.[1]) throw new AuthError('malformed token');
    const token = m[1];
    let iss: unknown;
    try {
      iss = decodeJwt(token).iss;
    } catch {
      throw new AuthError('malformed token');
    }
    const getKey = typeof iss === 'string' ? keys.get(iss) : undefined;
    if (!getKey || typeof iss !== 'string') throw new AuthError('untrusted issuer');
    try {
      const { payload } = await jwtVerify(token, getKey, {
        algorithms: ALGORITHMS,
        issuer: iss,
        audience,
        clockTolerance: CLOCK_TOLERANCE_S,
        maxTokenAge: MAX_TOKEN_AGE_S,
        requiredClaims: ['iss', 'aud', 'exp', 'iat', 'jti'],
      });
      // jose checks that `jti` is present; a replay key must also be a non-empty string.
      if (typeof payload.jti !== 'string' || payload.jti === '')
        throw new AuthError('ERR_JWT_CLAIM_VALIDATION_FAILED');
      return {
        iss,
        jti: payload.jti,
        exp: Number(payload.exp),
        ...(typeof payload.sub === 'string' ? { sub: payload.sub } : {}),
      };
    } catch (e) {
      if (e instanceof AuthError) throw e;
      if (e instanceof errors.JOSEError) throw new AuthError(e.code);
      throw new AuthError('invalid token');
    }
  };
};
