import { CriteriaError, formatIssue } from '@criteria/errors';
import type { LoadedPolicy } from '@criteria/schema';

const isPolicy = (v: unknown): v is LoadedPolicy =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { id?: unknown }).id === 'string' &&
  Array.isArray((v as { revisions?: unknown }).revisions) &&
  (v as { revisions: { sha256?: unknown }[] }).revisions.every(
    (r) => typeof r?.sha256 === 'string',
  );

/** A policy and the package that publishes it (the package a changeset bumps). */
export interface PolicyPackage {
  packageName: string;
  policy: LoadedPolicy;
}

/**
 * Imports each policy package and collects the loaded policies it exports,
 * by policy id. A package that exports none is a configuration error.
 */
export async function loadPolicies(
  packageNames: readonly string[],
  load: (name: string) => Promise<Record<string, unknown>> = (name) => import(name),
): Promise<Map<string, PolicyPackage>> {
  const out = new Map<string, PolicyPackage>();
  for (const packageName of packageNames) {
    const found = Object.values(await load(packageName)).filter(isPolicy);
    if (found.length === 0)
      throw new CriteriaError('invalid_argument', [
        formatIssue('changelog options.policies', packageName, 'a package that exports a policy'),
      ]);
    for (const policy of found) out.set(policy.id, { packageName, policy });
  }
  return out;
}
