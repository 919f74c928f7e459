import { createRegistry, type PolicyRegistry, registered } from './registry.js';

/**
 * Every policy the tools know: the CLI, `criteria lint` and the changelog
 * formatter all read this list. A new policy is a package under `policies/`
 * (with its `./meta`, written by `pnpm generate:policy-meta`), one entry here and its dependency in this package's package.json.
 */
export const policies: PolicyRegistry = createRegistry([
  registered(
    'imrt',
    '@criteria/policy-imrt',
    async () => (await import('@criteria/policy-imrt')).imrt,
    () => import('@criteria/policy-imrt/input'),
    () => import('@criteria/policy-imrt/meta'),
  ),
]);
