/**
 * A worker thread of {@link runImpact}: evaluates the batches of lines it is
 * sent into one accumulator, acknowledging each, and sends the accumulator's
 * state when it is sent `null` (the end). The policy arrives as plain data.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { LoadedPolicy } from '@criteria/schema';
import { ImpactAccumulator, type ImpactOptions, type ImpactPartial } from './accumulator.js';
import type { LineBatch } from './lines.js';

/** What a worker is sent: a batch of lines, or `null` when there are no more. */
export type ToWorker = LineBatch | null;
/** What a worker answers: `ack` for each batch, then its state. */
export type FromWorker = 'ack' | { partial: ImpactPartial };

const { policy, options } = workerData as { policy: LoadedPolicy; options: ImpactOptions };
const port = parentPort;
if (port === null) throw new Error('impact worker: not started as a worker thread');
const acc = new ImpactAccumulator(policy, options);
port.on('message', (message: ToWorker) => {
  if (message === null) {
    port.postMessage({ partial: acc.partial() } satisfies FromWorker);
    return;
  }
  acc.addBatch(message);
  port.postMessage('ack' satisfies FromWorker);
});
