/**
 * The development issuer: an RS384 key pair under DATA_DIR, a trusted JWKS with the
 * public key only, and tokens the service's verifier accepts. A key file written
 * before the switch to RS384 (ES256) keeps working.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeProtectedHeader, exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { DEV_ISSUER, devTrustedIssuer, mintDevToken, tokenVerifier } from '../src/index.js';
import { tempDir } from './support.js';

const AUD = 'http://127.0.0.1:3000/cds-services/imrt-order-sign';
const PRIVATE = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth'];

describe('development issuer', () => {
  it('signs RS384; its trusted JWKS holds no private key member; the verifier accepts its tokens', async () => {
    const dataDir = tempDir();
    const issuer = await devTrustedIssuer(dataDir);
    const [key] = issuer.jwks?.keys ?? [];
    expect(key).toMatchObject({ kty: 'RSA', alg: 'RS384', kid: 'dev-1' });
    for (const member of PRIVATE) expect(key).not.toHaveProperty(member);
    const token = await mintDevToken(dataDir, { aud: AUD });
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'RS384', kid: 'dev-1' });
    const verified = await tokenVerifier([issuer])(`Bearer ${token}`, AUD);
    expect(verified.iss).toBe(DEV_ISSUER);
  });

  it('a key file from before RS384 (ES256) keeps its algorithm', async () => {
    const dataDir = tempDir();
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const jwk = { ...(await exportJWK(privateKey)), kid: 'dev-1', alg: 'ES256', use: 'sig' };
    mkdirSync(join(dataDir, 'dev-issuer'));
    writeFileSync(join(dataDir, 'dev-issuer', 'private.jwk.json'), JSON.stringify(jwk));
    const issuer = await devTrustedIssuer(dataDir);
    expect(issuer.jwks?.keys[0]).not.toHaveProperty('d');
    const token = await mintDevToken(dataDir, { aud: AUD });
    expect(decodeProtectedHeader(token).alg).toBe('ES256');
    expect((await tokenVerifier([issuer])(`Bearer ${token}`, AUD)).iss).toBe(DEV_ISSUER);
  });
});
