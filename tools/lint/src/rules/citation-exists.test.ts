import { describe, expect, it } from 'vitest';
import { lintFixture, of } from '../../test/fixture.js';

describe('citation-exists', () => {
  it('keeps: every citation names a line that says its quote', () => {
    expect(of(lintFixture(), 'citation-exists')).toEqual([]);
  });

  it('breaks: a line past the end of the source document', () => {
    const report = lintFixture((p) => {
      p.revisions[3].codes[0].provenance.cites[0].line = 16;
    });
    expect(of(report, 'citation-exists')).toEqual([
      expect.objectContaining({
        severity: 'error',
        revision: '2022-03-02',
        field: 'codes.0.provenance.cites.0',
        message:
          'widget revision 2022-03-02, codes.0.provenance.cites.0: line `16` does not exist: `policies/widget/source/widget.txt` has 15 lines',
      }),
    ]);
  });

  it('breaks: a line that does not say the quote (policy-level provenance too)', () => {
    const report = lintFixture((p) => {
      p.record.provenance.cites[0].line = 3;
    });
    expect(of(report, 'citation-exists')).toEqual([
      expect.objectContaining({
        revision: null,
        path: 'record.provenance.cites.0',
        message:
          'widget, record.provenance.cites.0: line 3 of `policies/widget/source/widget.txt` does not contain the quote `Last reviewed 03/02/2022`',
      }),
    ]);
  });

  it('breaks: a source document that cannot be read', () => {
    const report = lintFixture(() => {}, {
      target: { source: { path: 'policies/widget/source/widget.txt', error: 'ENOENT' } },
    });
    expect(of(report, 'citation-exists').map((f) => f.message)).toEqual([
      'widget, sourceDocument: `policies/widget/source/widget.txt` cannot be read (ENOENT)',
    ]);
  });
});
