import { describe, expect, it } from 'vitest';
import { lintFixture, of } from '../../test/fixture.js';

describe('icd10-well-formed', () => {
  it.each(['C34', 'C22.0', 'C50.911', 'C4A', 'S72.001A'])('keeps: %s', (prefix) => {
    const report = lintFixture((p) => {
      p.readings[0].diagnosisMap.rows[0].prefix = prefix;
    });
    expect(of(report, 'icd10-well-formed')).toEqual([]);
  });

  it.each(['c34', 'C3', 'C34.', 'C3.4', '34C', 'C34.12345', 'C34 '])('breaks: %j', (prefix) => {
    const report = lintFixture((p) => {
      p.readings[0].diagnosisMap.rows[0].prefix = prefix;
    });
    expect(of(report, 'icd10-well-formed')).toEqual([
      expect.objectContaining({
        severity: 'error',
        revision: null,
        path: 'readings.0.diagnosisMap.rows.0.prefix',
        message: `widget, readings.0.diagnosisMap.rows.0.prefix: \`${prefix}\` is not a well-formed ICD-10-CM code or category`,
      }),
    ]);
    expect(of(report, 'schema')).toEqual([]);
  });
});
