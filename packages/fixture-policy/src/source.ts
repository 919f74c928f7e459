/**
 * The fixture policy's source document: a fictional text written for the tests, so that
 * every citation of the fixture names a line that says its quote (a test checks each one).
 * Nothing in it is a clinical fact.
 */
export const FIXTURE_SOURCE_PATH = 'source/widget.txt';

export const fixtureSource: string = [
  'Widget Therapy: Fixture Health Plan review criteria (fictional, for tests only; no clinical fact)',
  'Created 01/01/2019. Last reviewed 03/02/2022; reviewed every 12 months.',
  'Codes in scope: 10001 widget plan, 10002 widget delivery, Z0001 widget session.',
  'Code 10003 old widget delivery: removed, deleted code 10003.',
  'Medicare members: LCD L00001 Widget therapy; LCD L00002 Widget therapy (old).',
  'Medicare billing: article A00001 Billing: widget therapy; article A00002 Billing and coding: widget therapy, retired 03/01/2022 and still applied.',
  'Commercial members: plan-widget, plan criteria for widget therapy; guideline G-0001 Widget therapy guideline, edition 01/01/2022.',
  'Indication rules apply to commercial members; from 03/02/2022 to Medicare members too.',
  'Documentation: notes from specialty A and notes from specialty B, last 6 months.',
  'Diagnoses: codes starting Z99 are condition beta.',
  'Revision History',
  '01/07/2020\tWidget therapy criteria. Effective 03/01/2020.',
  '02/04/2020\tAdds condition alpha; removes code 10003.',
  '05/01/2021\tAdds condition gamma, which needs medical director review.',
  '03/02/2022\tAdds condition beta; condition alpha needs medical director review. Requires 60-day notice, effective 08/01/2022.',
  '',
].join('\n');
