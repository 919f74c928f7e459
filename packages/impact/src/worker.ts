/**
 * A worker thread of {@link runImpact}: evaluates batches of lines and posts
 * back each batch's partial result. The policy arrives as plain data.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { LoadedPolicy } from '@criteria/schema';
import { ImpactAccumulator, type ImpactOptions } from './accumulator.js';

/** A batch of consecutive lines, the first numbered `first`. */
export interface Batch {
  first: number;
  texts: string[];
}

const { policy, options } = workerData as { policy: LoadedPolicy; options: ImpactOptions };
const port = parentPort;
if (port === null) throw new Error('impact worker: not started as a worker thread');
port.on('message', (batch: Batch) => {
  const acc = new ImpactAccumulator(policy, options);
  for (let k = 0; k < batch.texts.length; k++) acc.add(batch.first + k, batch.texts[k] ?? '');
  port.postMessage(acc.partial());
});
