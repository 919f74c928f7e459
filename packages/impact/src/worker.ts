/**
 * A worker thread of {@link runImpact}: evaluates batches of lines and posts
 * back each batch's partial result. The policy arrives as plain data.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { LoadedPolicy } from '@criteria/schema';
import { ImpactAccumulator, type ImpactOptions } from './accumulator.js';

/**
 * A batch of consecutive lines, the first numbered `first`: their texts joined
 * (`text`) and where each ends in it (`ends`, exclusive offsets).
 */
export interface Batch {
  first: number;
  text: string;
  ends: Uint32Array;
}

const { policy, options } = workerData as { policy: LoadedPolicy; options: ImpactOptions };
const port = parentPort;
if (port === null) throw new Error('impact worker: not started as a worker thread');
port.on('message', (batch: Batch) => {
  const acc = new ImpactAccumulator(policy, options);
  const { first, text, ends } = batch;
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i] ?? start;
    acc.add(first + i, text.slice(start, end));
    start = end;
  }
  port.postMessage(acc.partial());
});
