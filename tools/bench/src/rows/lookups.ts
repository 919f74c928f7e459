/** Rows: the bitemporal lookup and one date check, per request of the mix. */
import { isIsoDate } from '@criteria/calendar';
import { imrt } from '@criteria/policy-imrt';
import { inEffect, selectRevision } from '@criteria/temporal';
import { benchMix, type RowFn, sink, timePass } from '../row.js';

export const rows: Record<string, RowFn> = {
  'in-effect': async ({ time, mixCount }) => {
    const { requests } = benchMix(mixCount);
    const run = (r: (typeof requests)[number]) =>
      inEffect(imrt, r.dateOfService, { asOf: r.asOf ?? r.requestDate }) ? 1 : 0;
    const figure = await timePass(
      'inEffect',
      () => {
        for (const r of requests) sink.value += run(r);
      },
      requests.length,
      { time },
    );
    return { figure, check: requests.reduce((n, r) => n + run(r), 0) };
  },
  'select-revision': async ({ time, mixCount }) => {
    const { requests } = benchMix(mixCount);
    const run = (r: (typeof requests)[number]) =>
      selectRevision(imrt.revisions, r.dateOfService, r.asOf ?? r.requestDate) ? 1 : 0;
    const figure = await timePass(
      'selectRevision',
      () => {
        for (const r of requests) sink.value += run(r);
      },
      requests.length,
      { time },
    );
    return { figure, check: requests.reduce((n, r) => n + run(r), 0) };
  },
  'iso-date': async ({ time, mixCount }) => {
    const { requests } = benchMix(mixCount);
    const figure = await timePass(
      'isIsoDate',
      () => {
        for (const r of requests) sink.value += isIsoDate(r.dateOfService) ? 1 : 0;
      },
      requests.length,
      { time },
    );
    return { figure, check: requests.filter((r) => isIsoDate(r.dateOfService)).length };
  },
};
