import { describe, expect, it } from 'vitest';
import { lintFixture, of } from '../../test/fixture.js';

describe('reading-has-reason', () => {
  it('keeps: readings that give reasons, and facts that cite the source', () => {
    expect(of(lintFixture(), 'reading-has-reason')).toEqual([]);
  });

  it('breaks: a placeholder reading', () => {
    const report = lintFixture((p) => {
      p.revisions[3].notice.provenance.reading = 'TODO: write why later';
    });
    expect(of(report, 'reading-has-reason')).toEqual([
      expect.objectContaining({
        severity: 'error',
        revision: '2022-03-02',
        path: 'revisions.3.notice.provenance.reading',
        message:
          'widget revision 2022-03-02, notice.provenance.reading: `TODO: write why later` is a placeholder: a reading says why',
      }),
    ]);
  });

  it('breaks: a reading too short to be a reason, and a fact with neither citation nor reading', () => {
    const report = lintFixture((p) => {
      p.revisions[3].notice.provenance = { cites: [], reading: 'as stated.' };
      p.revisions[3].codes[0].provenance = { cites: [] };
    });
    expect(of(report, 'reading-has-reason').map((f) => f.message)).toEqual([
      // In the order of the revision's fields (notice comes before codes).
      'widget revision 2022-03-02, notice.provenance.reading: `as stated.` is too short to give a reason: a reading says why',
      'widget revision 2022-03-02, codes.0.provenance: cites no line of the source and gives no reading',
    ]);
    expect(of(report, 'schema')).toEqual([]);
  });

  it('breaks: an assumed effective date or an unstated notice without a reading', () => {
    const report = lintFixture((p) => {
      // The fixture's revision 2021-05-01 has an assumed effective date and no stated notice.
      p.revisions[2].provenance = { cites: [{ line: 14, quote: '05/01/2021' }] };
      p.revisions[2].notice.provenance = { cites: [{ line: 14, quote: 'Adds condition gamma' }] };
    });
    expect(of(report, 'reading-has-reason').map((f) => f.message)).toEqual([
      "widget revision 2021-05-01, provenance.reading: effectiveOnBasis is `assumed` but the revision's provenance gives no reading saying how the date was read",
      "widget revision 2021-05-01, notice.provenance.reading: notice basis is `not-stated` but the notice's provenance gives no reading saying what was recorded instead",
    ]);
  });
});
