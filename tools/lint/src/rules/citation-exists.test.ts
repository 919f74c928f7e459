import { describe, expect, it } from 'vitest';
import { lintTiny, of } from '../../test/tiny-policy.js';

describe('citation-exists', () => {
  it('keeps: every citation names a line that says its quote', () => {
    expect(of(lintTiny(), 'citation-exists')).toEqual([]);
  });

  it('breaks: a line past the end of the source document', () => {
    const report = lintTiny((p) => {
      p.revisions[1].codes[0].provenance.cites[0].line = 6;
    });
    expect(of(report, 'citation-exists')).toEqual([
      expect.objectContaining({
        severity: 'error',
        revision: '2024-03-01',
        field: 'codes.0.provenance.cites.0',
        message:
          'tiny revision 2024-03-01, codes.0.provenance.cites.0: line `6` does not exist: `policies/tiny/source.txt` has 5 lines',
      }),
    ]);
  });

  it('breaks: a line that does not say the quote (policy-level provenance too)', () => {
    const report = lintTiny((p) => {
      p.record.provenance.cites[0].line = 3;
    });
    expect(of(report, 'citation-exists')).toEqual([
      expect.objectContaining({
        revision: null,
        path: 'record.provenance.cites.0',
        message:
          'tiny, record.provenance.cites.0: line 3 of `policies/tiny/source.txt` does not contain the quote `Reviewed 06/01/2025`',
      }),
    ]);
  });

  it('breaks: a source document that cannot be read', () => {
    const report = lintTiny(() => {}, {
      target: { source: { path: 'policies/tiny/source.txt', error: 'ENOENT' } },
    });
    expect(of(report, 'citation-exists').map((f) => f.message)).toEqual([
      'tiny, sourceDocument: `policies/tiny/source.txt` cannot be read (ENOENT)',
    ]);
  });
});
