/**
 * Readings edition 2026-11-28 of the IMRT policy: how this project reads the
 * record where the source is silent or needs interpreting (DESIGN.md sections 4
 * and 5). Facts live in the revision modules; every route, flag and
 * documentation rule lives here, each with its basis and the alternative.
 *
 * An edition is never edited once locked (`readings.lock.json`): a corrected
 * reading, or a new revision row, makes a new edition. Readings implied by a
 * later row's "new indication" or "additional indications" are derived when the
 * edition is built (`derive`), not written here.
 */
import type { ReadingsEditionInput } from '@criteria/schema';
import { diagnosisMap } from './diagnosis-map.js';

const ALL = [
  '2015-07-07',
  '2015-09-08',
  '2016-03-01',
  '2016-11-01',
  '2017-12-05',
  '2020-07-07',
  '2021-03-02',
  '2023-01-10',
];
const BEFORE_2023 = ALL.filter((id) => id < '2023-01-10');

const edition: ReadingsEditionInput = {
  policy: 'imrt',
  edition: '2026-11-28',
  readings: [
    {
      id: 'medicare-criteria-review',
      appliesTo: ALL,
      decides: { kind: 'line-route', line: 'medicare', route: 'criteria-review' },
      statement:
        'Medicare requests are reviewed against the LCD and billing article, whatever the indication.',
      basis: {
        cites: [
          { line: 16, quote: 'For Medicare Members' },
          { line: 21, quote: 'continue to use LCD L34080 for determining medical necessity' },
        ],
        reason:
          "The Medicare criteria are CMS's (the LCD and its article); the plan's indication rows are its own criteria, which the source sets out for non-Medicare members.",
      },
      alternative:
        "The revision table's indication rows apply to Medicare members too, so a Medicare request for an indication a later row adds would go to medical director review.",
    },
    {
      id: 'documentation-non-medicare',
      appliesTo: ALL,
      decides: { kind: 'documentation', lines: ['non-medicare'] },
      statement:
        'The last 6 months of clinical notes from the oncologist and from the radiation oncologist are required of non-Medicare members, under every revision; the 6 months are counted back in calendar months from the request date (the date of service when there is none), clamped at month end.',
      basis: {
        cites: [
          { line: 24, quote: 'For Non-Medicare Members' },
          {
            line: 28,
            quote:
              'If requesting this service, please send the following documentation to support medical necessity:',
          },
          {
            line: 30,
            quote: 'Last 6 months of clinical notes from oncologist and radiation oncologist',
          },
        ],
        reason:
          'The documentation stands under "For Non-Medicare Members"; only the current text states it, and no row says it changed, so every revision carries it.',
      },
      alternative:
        'The documentation list applies to every member, or only from the revision whose text is the current one (2023-01-10).',
    },
    {
      id: 'breast-cancer-still-medical-director-review',
      appliesTo: BEFORE_2023,
      decides: {
        kind: 'indication-route',
        indication: 'breast-cancer',
        route: 'medical-director-review',
      },
      statement:
        'Breast cancer needs medical director review under every revision before 2023-01-10.',
      basis: {
        cites: [{ line: 150, quote: 'Breast Cancer will still require MD review' }],
        reason:
          '"Still" says breast cancer needed medical director review before the 2021-03-02 row too, and goes on needing it.',
      },
      alternative:
        'Before 2021-03-02 breast cancer was an indication no row named, reviewed against the criteria like other unnamed indications.',
    },
    {
      id: 'breast-cancer-other-than-apbi-medical-director-review',
      appliesTo: ['2023-01-10'],
      decides: {
        kind: 'indication-route',
        indication: 'breast-cancer',
        techniques: ['other', 'unknown'],
        route: 'medical-director-review',
      },
      statement:
        'Under revision 2023-01-10, breast cancer treated with a technique other than APBI, or with a technique the request does not state, still needs medical director review.',
      basis: {
        cites: [
          { line: 150, quote: 'Breast Cancer will still require MD review' },
          { line: 151, quote: 'include indications for Breast Cancer (APBI)' },
        ],
        reason:
          'The 2023-01-10 row adds APBI only; the "still" of the 2021-03-02 row holds for the rest. A request that does not say APBI is not read as APBI.',
      },
    },
    {
      id: 'breast-cancer-apbi-criteria-review',
      appliesTo: ['2023-01-10'],
      decides: {
        kind: 'indication-route',
        indication: 'breast-cancer',
        techniques: ['apbi'],
        route: 'criteria-review',
      },
      statement:
        'From revision 2023-01-10, breast cancer treated with accelerated partial breast irradiation (APBI) is reviewed against the criteria.',
      basis: {
        cites: [{ line: 151, quote: 'include indications for Breast Cancer (APBI)' }],
        reason:
          "The row includes breast cancer (APBI) among the indications of the criteria; a diagnosis code never establishes APBI, only the request's technique does.",
      },
    },
    {
      id: 'lung-cancer-criteria-review',
      appliesTo: ALL,
      decides: { kind: 'indication-route', indication: 'lung-cancer', route: 'criteria-review' },
      statement: 'Lung cancer is reviewed against the criteria under every revision.',
      basis: {
        cites: [{ line: 147, quote: 'MPC approved revised indication for lung cancer' }],
        reason:
          'The row says "revised indication": lung cancer was already an indication, and its criteria changed on 2016-11-01. No row adds it.',
      },
      alternative:
        'Lung cancer became an indication only on 2016-11-01 and needed medical director review before, like an indication a later row adds.',
    },
    {
      id: 'lung-cancer-indication-uncertain',
      appliesTo: ['2015-07-07', '2015-09-08'],
      decides: { kind: 'flag', indication: 'lung-cancer', flag: 'indication-uncertain' },
      statement:
        'Under revisions 2015-07-07 and 2015-09-08 it is uncertain whether lung cancer was an indication: the indication the 2016-03-01 row adds may be lung cancer.',
      basis: {
        cites: [
          { line: 146, quote: 'Added indication to policy' },
          { line: 147, quote: 'MPC approved revised indication for lung cancer' },
        ],
        reason:
          'The 2016-03-01 addition cannot be esophageal cancer ("new" on 2017-12-05), the seven of 2021 ("additional") or breast cancer ("still"), so it is lung cancer or an indication the table never names.',
      },
      alternative:
        'The 2016-03-01 addition is an indication the table never names, and lung cancer was an indication from the reinstatement on.',
    },
    {
      id: 'other-indications-criteria-review',
      appliesTo: ALL,
      decides: { kind: 'default-route', route: 'criteria-review' },
      statement:
        'Every indication no other reading decides (named by the governing revision, or never named by the table: prostate, head and neck...) is reviewed against the criteria, which decide; nothing is invented about their content.',
      basis: {
        cites: [
          {
            line: 144,
            quote: 'MPC approved to reinstate IMRT criteria for medical necessity review',
          },
        ],
        reason:
          'The criteria are the review: the revision table routes to medical director review only what it says is added later or still needs it.',
      },
    },
    {
      id: 'stricter-route-wins',
      appliesTo: ALL,
      decides: { kind: 'stricter-route-wins' },
      statement:
        "When a request's diagnoses map to several indications, the stricter route (medical director review) wins, and every indication is listed.",
      basis: {
        cites: [],
        reason:
          'The source routes indications one at a time and is silent on a request with several; the stricter route loses no review the record asks for.',
      },
      alternative: 'The indication of the first diagnosis decides.',
    },
  ],
  derive: [
    {
      phrase: 'new indication',
      route: 'medical-director-review',
      reason:
        'The row says the indication is new: the revisions before it did not include it, so a non-Medicare request for it under them goes to medical director review.',
    },
    {
      phrase: 'additional indications',
      route: 'medical-director-review',
      reason:
        'The row adds the indications as additional: the revisions before it did not include them, so a non-Medicare request for one under them goes to medical director review.',
    },
  ],
  shorthands: [{ id: 'breast-cancer-apbi', indication: 'breast-cancer', technique: 'apbi' }],
  diagnosisMap,
};

export default edition;
