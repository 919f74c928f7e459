/**
 * `node:crypto`'s createHash('sha256') for the browser bundle, so a policy is
 * hashed in the page exactly as in Node (same canonical JSON, same sha256).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export function createHash(algorithm: string) {
  if (algorithm !== 'sha256') throw new Error(`only sha256 is bundled, not ${algorithm}`);
  const parts: Uint8Array[] = [];
  const hash = {
    update(data: string | Uint8Array) {
      parts.push(typeof data === 'string' ? utf8ToBytes(data) : data);
      return hash;
    },
    digest(encoding: 'hex') {
      if (encoding !== 'hex') throw new Error('only hex digests are bundled');
      const h = sha256.create();
      for (const p of parts) h.update(p);
      return bytesToHex(h.digest());
    },
  };
  return hash;
}
