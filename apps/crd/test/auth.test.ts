/**
 * The token verifier alone (src/auth.ts, jose's jwtVerify over the issuer's JWKS):
 * every asymmetric algorithm it allows is accepted with a key that fits it, and
 * refused with one that does not; the claims are checked with the tolerance; a
 * remote JWKS is fetched (a loopback server) and its keys used.
 */
import { sign as cryptoSign, generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { ALGORITHMS, AuthError, MAX_TOKEN_AGE_S, tokenVerifier } from '../src/auth.js';

const ISS = 'https://ehr.test';
const AUD = 'http://crd.test/cds-services/imrt-order-sign';
const now = () => Math.floor(Date.now() / 1000);

const keyPair = async (alg: string, options: Record<string, unknown> = {}) => {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true, ...options });
  return { privateKey, jwk: { ...(await exportJWK(publicKey)), kid: `${alg}-1`, alg } };
};
const sign = (
  privateKey: Parameters<SignJWT['sign']>[0],
  alg: string,
  kid: string,
  claims: Record<string, unknown> = {},
  header: Record<string, unknown> = {},
) =>
  new SignJWT({ iss: ISS, aud: AUD, iat: now(), exp: now() + 300, jti: randomUUID(), ...claims })
    .setProtectedHeader({ alg, kid, ...header })
    .sign(privateKey);

/** A compact JWS built by hand (for what jose refuses to sign). */
const rawToken = (
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  signWith: (data: Buffer) => Buffer,
) => {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${signWith(Buffer.from(input)).toString('base64url')}`;
};
const claims = () => ({ iss: ISS, aud: AUD, iat: now(), exp: now() + 300, jti: randomUUID() });

const refused = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AuthError);
  return (e as AuthError).reason;
};

describe('tokenVerifier', () => {
  it('allows asymmetric algorithms only (the list the tests below accept each of)', () => {
    expect(ALGORITHMS.length).toBeGreaterThan(0);
    for (const alg of ALGORITHMS) expect(alg).toMatch(/^(?:(?:RS|PS|ES)(?:256|384|512)|EdDSA)$/);
  });

  it.each(ALGORITHMS)('accepts %s with its key, and returns iss, jti, exp', async (alg) => {
    const { privateKey, jwk } = await keyPair(alg);
    const verify = tokenVerifier([{ iss: ISS, jwks: { keys: [jwk] } }]);
    const jti = randomUUID();
    const token = await sign(privateKey, alg, jwk.kid, { jti, sub: 'ehr' });
    const out = await verify(`Bearer ${token}`, AUD);
    expect(out).toEqual({ iss: ISS, jti, exp: expect.any(Number), sub: 'ehr' });
    // The same token with a flipped signature byte is refused.
    const last = token.at(-2) === 'A' ? 'B' : 'A';
    const tampered = `${token.slice(0, -2)}${last}${token.slice(-1)}`;
    expect(await refused(verify(`Bearer ${tampered}`, AUD))).toMatch(/SIGNATURE|NO_MATCHING/);
  });

  it('refuses an algorithm the key does not fit, and an RSA key under 2048 bits', async () => {
    const ec = await keyPair('ES256');
    const verifyEc = tokenVerifier([{ iss: ISS, jwks: { keys: [{ ...ec.jwk, alg: undefined }] } }]);
    // ES384 header over a P-256 key: no key fits.
    const es384 = await keyPair('ES384');
    expect(
      await refused(verifyEc(`Bearer ${await sign(es384.privateKey, 'ES384', ec.jwk.kid)}`, AUD)),
    ).toMatch(/^(ERR_JWKS_NO_MATCHING_KEY|invalid token)$/);
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const smallJwk = { ...small.publicKey.export({ format: 'jwk' }), kid: 's', alg: 'RS256' };
    const verifySmall = tokenVerifier([{ iss: ISS, jwks: { keys: [smallJwk] } }]);
    const token = rawToken({ alg: 'RS256', kid: 's' }, claims(), (d) =>
      cryptoSign('sha256', d, small.privateKey),
    );
    expect(await refused(verifySmall(`Bearer ${token}`, AUD))).toMatch(
      /^(ERR_JWKS_NO_MATCHING_KEY|invalid token)$/,
    );
  });

  it('refuses HS256 over an oct key in the JWKS, alg none, crit, and a key for encryption', async () => {
    const secret = new TextEncoder().encode('s'.repeat(32));
    const oct = { kty: 'oct', k: Buffer.from(secret).toString('base64url'), kid: 'h' };
    const { privateKey, jwk } = await keyPair('ES256');
    const verify = tokenVerifier([
      { iss: ISS, jwks: { keys: [oct, { ...jwk, kid: 'enc', use: 'enc' }, jwk] } },
    ]);
    const hs = await new SignJWT({ iss: ISS, aud: AUD, jti: 'x' })
      .setProtectedHeader({ alg: 'HS256', kid: 'h' })
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(secret);
    expect(await refused(verify(`Bearer ${hs}`, AUD))).toBe('ERR_JOSE_ALG_NOT_ALLOWED');
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ iss: ISS, aud: AUD })).toString('base64url')}.`;
    expect(await refused(verify(`Bearer ${none}`, AUD))).toBe('malformed token');
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const critJwk = { ...pair.publicKey.export({ format: 'jwk' }), kid: 'c', alg: 'ES256' };
    const verifyCrit = tokenVerifier([{ iss: ISS, jwks: { keys: [critJwk] } }]);
    const es = (d: Buffer) =>
      cryptoSign('sha256', d, { key: pair.privateKey, dsaEncoding: 'ieee-p1363' });
    // The same hand-made token without crit is accepted; with it, refused.
    expect(
      (await verifyCrit(`Bearer ${rawToken({ alg: 'ES256', kid: 'c' }, claims(), es)}`, AUD)).iss,
    ).toBe(ISS);
    expect(
      await refused(
        verifyCrit(
          `Bearer ${rawToken({ alg: 'ES256', kid: 'c', crit: ['x'], x: 1 }, claims(), es)}`,
          AUD,
        ),
      ),
    ).toBe('ERR_JOSE_NOT_SUPPORTED');
    expect(await refused(verify(`Bearer ${await sign(privateKey, 'ES256', 'enc')}`, AUD))).toBe(
      'ERR_JWKS_NO_MATCHING_KEY',
    );
    // Without a kid, the one signature key is used.
    const noKid = await new SignJWT({ iss: ISS, aud: AUD, jti: 'y' })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    expect((await verify(`Bearer ${noKid}`, AUD)).jti).toBe('y');
  });

  it('checks aud (string or list), exp, iat (future, too old), nbf and jti with the tolerance', async () => {
    const { privateKey, jwk } = await keyPair('ES256');
    const verify = tokenVerifier([{ iss: ISS, jwks: { keys: [jwk] } }]);
    const t = (claims: Record<string, unknown>) => sign(privateKey, 'ES256', jwk.kid, claims);
    expect((await verify(`Bearer ${await t({ aud: ['x', AUD] })}`, AUD)).iss).toBe(ISS);
    expect(await refused(verify(`Bearer ${await t({ aud: `${AUD}/` })}`, AUD))).toBe(
      'ERR_JWT_CLAIM_VALIDATION_FAILED',
    );
    expect(await refused(verify(`Bearer ${await t({ exp: now() - 31 })}`, AUD))).toBe(
      'ERR_JWT_EXPIRED',
    );
    // Within the 30 s tolerance: accepted.
    expect((await verify(`Bearer ${await t({ exp: now() - 10 })}`, AUD)).iss).toBe(ISS);
    expect(await refused(verify(`Bearer ${await t({ iat: now() + 120 })}`, AUD))).toBe(
      'ERR_JWT_CLAIM_VALIDATION_FAILED',
    );
    expect(
      await refused(
        verify(`Bearer ${await t({ iat: now() - MAX_TOKEN_AGE_S - 60, exp: now() + 60 })}`, AUD),
      ),
    ).toBe('ERR_JWT_EXPIRED');
    expect(await refused(verify(`Bearer ${await t({ nbf: now() + 120 })}`, AUD))).toBe(
      'ERR_JWT_CLAIM_VALIDATION_FAILED',
    );
    for (const bad of [{ jti: undefined }, { jti: '' }, { exp: 'soon' }, { iat: undefined }]) {
      expect(await refused(verify(`Bearer ${await t(bad)}`, AUD))).toBe(
        'ERR_JWT_CLAIM_VALIDATION_FAILED',
      );
    }
    expect(await refused(verify(`Bearer ${await t({ iss: 'https://evil.test' })}`, AUD))).toBe(
      'untrusted issuer',
    );
    expect(await refused(verify(undefined, AUD))).toBe('missing bearer token');
    expect(await refused(verify('Bearer a.b', AUD))).toBe('malformed token');
    expect(await refused(verify('Bearer e30.e30.e30', AUD))).toBe('untrusted issuer');
  });

  it('reads a remote JWKS (fetched once, then cached)', async () => {
    const { privateKey, jwk } = await keyPair('RS256');
    let fetched = 0;
    const server = createServer((_req, res) => {
      fetched++;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    try {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const verify = tokenVerifier([{ iss: ISS, jwksUrl: `http://127.0.0.1:${port}/jwks` }]);
      for (let i = 0; i < 3; i++) {
        const out = await verify(`Bearer ${await sign(privateKey, 'RS256', jwk.kid)}`, AUD);
        expect(out.iss).toBe(ISS);
      }
      expect(fetched).toBe(1);
      const other = await keyPair('RS256');
      expect(
        await refused(verify(`Bearer ${await sign(other.privateKey, 'RS256', jwk.kid)}`, AUD)),
      ).toBe('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
    } finally {
      server.close();
    }
  });
});
