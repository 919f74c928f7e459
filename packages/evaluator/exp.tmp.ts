import { readFileSync } from 'node:fs';
import { isIsoDate } from '@criteria/calendar';
import { evaluate, RequestSchema } from '@criteria/evaluator';
import { imrt } from '@criteria/policy-imrt';
import { z } from 'zod';

const text = readFileSync('/tmp/b/r100k.ndjson', 'utf8').split('\n').slice(0, 10000).join('\n');
const lines = text.split('\n').filter(Boolean);
const objs = lines.map((l) => JSON.parse(l));
const DIM = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const fastIso = (v: unknown) => {
  if (typeof v !== 'string' || v.length !== 10 || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const y = +v.slice(0, 4),
    m = +v.slice(5, 7),
    d = +v.slice(8, 10);
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : DIM[m - 1]!);
};
const D = z.string().refine(fastIso);
const Fast = z
  .object({
    policy: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    lineOfBusiness: z.enum(['medicare', 'commercial']),
    dateOfService: D,
    requestDate: D.optional(),
    asOf: D.optional(),
    procedureCodes: z.array(z.string().regex(/^(?:\d{5}|\d{4}[FTU]|[A-Z]\d{4})$/)).min(1),
    indication: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
      .optional(),
    diagnoses: z
      .array(z.string().regex(/^[A-TV-Z]\d[0-9A-Z](?:\.?[0-9A-Z]{1,4})?$/))
      .min(1)
      .optional(),
    technique: z.enum(['apbi']).optional(),
    mediastinalInvolvement: z.boolean().optional(),
    documentation: z
      .array(
        z
          .object({
            kind: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
            specialty: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
            date: D,
          })
          .strict(),
      )
      .default([]),
    requestId: z.string().max(200).optional(),
    member: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
  .refine((r) => r.indication !== undefined || r.diagnoses !== undefined);
let agree = 0;
for (const o of objs) if (Fast.safeParse(o).success === RequestSchema.safeParse(o).success) agree++;
console.log('agree', agree);
const time = (name: string, f: () => void, reps = 7) => {
  f();
  f();
  let best = Infinity;
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    f();
    best = Math.min(best, performance.now() - t);
  }
  console.log(name.padEnd(30), ((best / lines.length) * 1000).toFixed(2), 'µs/req');
};
time('JSON.parse', () => {
  for (const l of lines) JSON.parse(l);
});
time('isIsoDate x4 (Temporal)', () => {
  for (const o of objs) {
    isIsoDate(o.dateOfService);
    isIsoDate(o.dateOfService);
    isIsoDate(o.dateOfService);
    isIsoDate(o.dateOfService);
  }
});
time('fastIso x4', () => {
  for (const o of objs) {
    fastIso(o.dateOfService);
    fastIso(o.dateOfService);
    fastIso(o.dateOfService);
    fastIso(o.dateOfService);
  }
});
time('RequestSchema.safeParse', () => {
  for (const o of objs) RequestSchema.safeParse(o);
});
time('same schema, fast date', () => {
  for (const o of objs) Fast.safeParse(o);
});
time('evaluate', () => {
  for (const o of objs) evaluate(imrt, o);
});
