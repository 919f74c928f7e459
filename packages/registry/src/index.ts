/**
 * The policies the tools know, by id, each imported on first use.
 *
 * @example
 * import { policies } from '@criteria/registry';
 * const imrt = await policies.load('imrt'); // validated and hashed once per process
 */
export { type PolicyMeta, policyMeta } from './meta.js';
export { policies } from './policies.js';
export {
  createRegistry,
  type PolicyRegistry,
  packageDir,
  type RegisteredPolicy,
  registered,
} from './registry.js';
