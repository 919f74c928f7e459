import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { callerCwd, quietOnClosedPipe } from './io.js';

describe('quietOnClosedPipe', () => {
  it('ends with status 0 when the reader goes away, and rethrows any other error', () => {
    const codes: number[] = [];
    const stream = new PassThrough();
    quietOnClosedPipe(stream, (code) => codes.push(code));
    stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    expect(codes).toEqual([0]);
    expect(() => stream.emit('error', Object.assign(new Error('EIO'), { code: 'EIO' }))).toThrow(
      'EIO',
    );
  });
});

describe('callerCwd', () => {
  it('is where `pnpm criteria` was called from, not the repository root pnpm runs it in', () => {
    const env = { INIT_CWD: '/repo/docs', npm_lifecycle_event: 'criteria' };
    expect(callerCwd(env, '/repo')).toBe('/repo/docs');
  });
  it('ignores an INIT_CWD inherited from another script (a test run spawning the CLI)', () => {
    expect(callerCwd({ INIT_CWD: '/elsewhere', npm_lifecycle_event: 'test' }, '/repo')).toBe(
      '/repo',
    );
    expect(callerCwd({}, '/repo')).toBe('/repo');
  });
});
