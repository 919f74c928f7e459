import { type PolicyRegistry, policies } from '@criteria/registry';
import type { Io } from './io.js';

/**
 * The policies a command works with: `@criteria/registry`'s (the one list), each
 * imported on first use, so a command that names no policy loads none; a test
 * may give the Io another registry.
 */
export const policiesOf = (io: Io): PolicyRegistry => io.policies ?? policies;
