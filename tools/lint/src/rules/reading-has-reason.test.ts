import { describe, expect, it } from 'vitest';
import { lintTiny, of } from '../../test/tiny-policy.js';

describe('reading-has-reason', () => {
  it('keeps: readings that give reasons, and facts that cite the source', () => {
    expect(of(lintTiny(), 'reading-has-reason')).toEqual([]);
  });

  it('breaks: a placeholder reading', () => {
    const report = lintTiny((p) => {
      p.revisions[1].indicationRulesProvenance.reading = 'TODO: write why later';
    });
    expect(of(report, 'reading-has-reason')).toEqual([
      expect.objectContaining({
        severity: 'error',
        revision: '2024-03-01',
        path: 'revisions.1.indicationRulesProvenance.reading',
        message:
          'tiny revision 2024-03-01, indicationRulesProvenance.reading: `TODO: write why later` is a placeholder: a reading says why',
      }),
    ]);
  });

  it('breaks: a reading too short to be a reason, and a fact with neither citation nor reading', () => {
    const report = lintTiny((p) => {
      p.revisions[1].notice.provenance = { cites: [], reading: 'as stated.' };
      p.revisions[1].codes[0].provenance = { cites: [] };
    });
    expect(of(report, 'reading-has-reason').map((f) => f.message)).toEqual([
      'tiny revision 2024-03-01, codes.0.provenance: cites no line of the source and gives no reading',
      'tiny revision 2024-03-01, notice.provenance.reading: `as stated.` is too short to give a reason: a reading says why',
    ]);
    expect(of(report, 'schema')).toEqual([]);
  });

  it('breaks: an assumed effective date or an unstated notice without a reading', () => {
    const report = lintTiny((p) => {
      p.revisions[0].provenance = { cites: [{ line: 4, quote: '01/10/2024' }] };
      p.revisions[0].notice.provenance = { cites: [{ line: 4, quote: 'First revision.' }] };
    });
    expect(of(report, 'reading-has-reason').map((f) => f.message)).toEqual([
      "tiny revision 2024-01-10, provenance.reading: effectiveOnBasis is `assumed` but the revision's provenance gives no reading saying how the date was read",
      "tiny revision 2024-01-10, notice.provenance.reading: notice basis is `not-stated` but the notice's provenance gives no reading saying what was recorded instead",
    ]);
  });
});
