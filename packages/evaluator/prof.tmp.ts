import { readFileSync } from 'node:fs';
import { evaluate } from '@criteria/evaluator';
import { imrt } from '@criteria/policy-imrt';

const objs = readFileSync('/tmp/b/r100k.ndjson', 'utf8')
  .split('\n')
  .slice(0, 10000)
  .map((l) => JSON.parse(l));
for (let i = 0; i < 10; i++) for (const o of objs) evaluate(imrt, o);
let t = performance.now();
let s = 0;
const ds = objs.map((o) => evaluate(imrt, o));
t = performance.now();
for (const d of ds) s += JSON.stringify(d).length;
console.log(
  'stringify determination µs',
  (((performance.now() - t) / ds.length) * 1000).toFixed(2),
  'avg bytes',
  s / ds.length,
);
