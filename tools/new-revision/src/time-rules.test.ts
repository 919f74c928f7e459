import { describe, expect, it } from 'vitest';
import { checkAnswers } from './time-rules.js';

const latest = '2023-01-10';
const messages = (answers: Partial<Parameters<typeof checkAnswers>[0]>) =>
  checkAnswers(
    {
      approved: '2027-01-05',
      effective: '2027-03-15',
      notice: true,
      summary: 'A change.',
      ...answers,
    },
    { latestApprovedOn: latest, periodDays: 60 },
  ).map((i) => i.message);

describe('the time rules new-revision enforces', () => {
  it('accepts dates that keep them (60 days of notice exactly is enough)', () => {
    expect(messages({})).toEqual([]);
    expect(messages({ effective: '2027-03-06' })).toEqual([]); // 2027-01-05 + 60 days
    expect(messages({ effective: '2027-01-05', notice: false })).toEqual([]);
  });

  it.each([
    [{ approved: '2027-02-30' }, '--approved: `2027-02-30` is not a calendar date YYYY-MM-DD'],
    [{ approved: '2027-1-5' }, '--approved: `2027-1-5` is not a calendar date YYYY-MM-DD'],
    [
      { approved: '2023-01-10' },
      '--approved: `2023-01-10` is not after the approval of the latest revision (2023-01-10): a new revision is approved after the ones before it',
    ],
    [{ effective: '' }, '--effective: `` is not a calendar date YYYY-MM-DD'],
    [
      { effective: '2027-01-04', notice: false },
      '--effective: `2027-01-04` is not on or after the approval date 2027-01-05: a revision cannot take effect before it is approved',
    ],
    [
      { effective: '2027-03-05' },
      '--effective: `2027-03-05` is not 2027-03-06 or later: with 60-day notice the revision takes effect at least 60 days after approval 2027-01-05 (it is 59 days)',
    ],
    [{ summary: '  ' }, '--summary: `  ` is not a one-line summary of the change'],
    // The newline is shown escaped, so the message stays one line.
    [{ summary: 'two\nlines' }, '--summary: `two\\nlines` is not a one-line summary of the change'],
  ])('refuses %j with the reason', (answers, message) => {
    expect(messages(answers)).toEqual([message]);
  });

  it('a revision approved 2023-05-01 with notice, effective 2023-06-01, is refused (after 2023-01-10)', () => {
    expect(
      checkAnswers(
        { approved: '2023-05-01', effective: '2023-06-01', notice: true, summary: 'x' },
        { latestApprovedOn: latest, periodDays: 60 },
      ).map((i) => i.message),
    ).toEqual([
      '--effective: `2023-06-01` is not 2023-06-30 or later: with 60-day notice the revision takes effect at least 60 days after approval 2023-05-01 (it is 31 days)',
    ]);
  });

  it("the period is the policy's (its latest noticed revision's) unless --notice-days gives one", () => {
    const answers = { approved: '2027-01-05', effective: '2027-02-04', notice: true, summary: 'x' };
    const context = { latestApprovedOn: latest, periodDays: 30 };
    expect(checkAnswers(answers, context)).toEqual([]); // 30 days exactly
    expect(checkAnswers({ ...answers, noticeDays: 31 }, context).map((i) => i.message)).toEqual([
      '--effective: `2027-02-04` is not 2027-02-05 or later: with 31-day notice the revision takes effect at least 31 days after approval 2027-01-05 (it is 30 days)',
    ]);
    expect(
      checkAnswers(answers, { latestApprovedOn: latest, periodDays: null }).map((i) => i.message),
    ).toEqual([
      '--notice-days: `` is not a notice period in days: no revision of the policy requires notice, so there is none to copy',
    ]);
    expect(checkAnswers({ ...answers, noticeDays: 30 }, { ...context, periodDays: null })).toEqual(
      [],
    );
  });

  it('reports every problem at once', () => {
    expect(messages({ approved: '2020-01-01', effective: '2019-12-31', summary: '' })).toHaveLength(
      3,
    );
  });
});
