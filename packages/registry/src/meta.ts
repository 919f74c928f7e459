import type { LoadedPolicy, RevisionRef } from '@criteria/schema';

/**
 * What a listing shows of a policy: its id, title and revisions (dates and
 * content hashes). A policy package ships it as a generated module (`./meta`,
 * written by `pnpm generate:policy-meta` from the validated policy), so that
 * listing policies imports neither zod nor the policy's modules and hashes nothing.
 *
 * @example (await policies.entry('imrt').meta()).revisions.at(-1)?.id // => '2023-01-10'
 */
export interface PolicyMeta {
  readonly id: string;
  readonly title: string;
  readonly revisions: readonly RevisionRef[];
}

/**
 * The metadata of a loaded policy: what the generated `./meta` module must hold.
 * Imports `@criteria/schema` only when called.
 *
 * @example policyMeta(imrt) // => { id: 'imrt', title: 'Intensity Modulated ...', revisions: [...] }
 */
export async function policyMeta(policy: LoadedPolicy): Promise<PolicyMeta> {
  const { revisionRef } = await import('@criteria/schema');
  return { id: policy.id, title: policy.title, revisions: policy.revisions.map(revisionRef) };
}
