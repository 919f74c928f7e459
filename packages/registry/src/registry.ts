import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { CriteriaError, formatIssue } from '@criteria/errors';
import type { LoadedPolicy } from '@criteria/schema';
import { type PolicyMeta, policyMeta } from './meta.js';

/**
 * A policy package as the tools know it. Nothing is imported until asked for:
 * `load()` imports the package (which validates and hashes the policy, once per
 * process, as the module loads); `input()` imports its raw, unvalidated data (lint).
 */
export interface RegisteredPolicy {
  /** The policy id (`imrt`). */
  readonly id: string;
  /** The npm package that publishes it (`@criteria/policy-imrt`): the package a changeset bumps. */
  readonly packageName: string;
  /** The validated policy with its revisions hashed. */
  load(): Promise<LoadedPolicy>;
  /** The package's `./input` export: the policy data before validation. */
  input(): Promise<unknown>;
  /**
   * The policy's id, title and revision references, from the package's generated
   * `./meta` module (no validation, no hashing); without one, from `load()`.
   */
  meta(): Promise<PolicyMeta>;
}

/** A set of policies, by id. */
export interface PolicyRegistry {
  /** The policy ids, sorted. */
  readonly ids: readonly string[];
  /** Every registered policy, sorted by id. */
  readonly entries: readonly RegisteredPolicy[];
  /** The policy with this id, or undefined. */
  get(id: string): RegisteredPolicy | undefined;
  /** The policy with this id, or a `CriteriaError` (`unknown_policy`) naming the known ones. */
  entry(id: unknown, field?: string): RegisteredPolicy;
  /** The loaded policy with this id (imported on first use), or `unknown_policy`. */
  load(id: unknown, field?: string): Promise<LoadedPolicy>;
  /** Every policy, loaded, sorted by id. */
  loadAll(): Promise<LoadedPolicy[]>;
  /** Every policy's metadata (what `criteria list` shows), sorted by id: loads no policy that ships its `./meta`. */
  metaAll(): Promise<PolicyMeta[]>;
  /** The policy published by this package, or undefined. */
  byPackage(packageName: string): RegisteredPolicy | undefined;
}

/**
 * One entry: the policy id, its package, and its imports (literal, so that
 * type checkers and bundlers see them): the policy, its raw input and, when the
 * package ships one, its generated metadata.
 *
 * @example
 * registered('imrt', '@criteria/policy-imrt', async () => (await import('@criteria/policy-imrt')).imrt, () => import('@criteria/policy-imrt/input'), () => import('@criteria/policy-imrt/meta'))
 */
export function registered(
  id: string,
  packageName: string,
  load: () => Promise<LoadedPolicy>,
  input: () => Promise<{ default: unknown }>,
  meta?: () => Promise<{ default: PolicyMeta }>,
): RegisteredPolicy {
  let loaded: Promise<LoadedPolicy> | undefined;
  const self: RegisteredPolicy = {
    id,
    packageName,
    load: () => {
      loaded ??= load().then((policy) => {
        if (policy.id !== id)
          throw new CriteriaError('invalid_argument', [
            formatIssue(
              `${packageName} policy id`,
              policy.id,
              `\`${id}\`, the id it is registered as`,
            ),
          ]);
        return policy;
      });
      return loaded;
    },
    input: async () => (await input()).default,
    meta: async () => (meta ? (await meta()).default : policyMeta(await self.load())),
  };
  return self;
}

/** A registry of these policies; ids must be unique. */
export function createRegistry(policies: readonly RegisteredPolicy[]): PolicyRegistry {
  const byId = new Map<string, RegisteredPolicy>();
  for (const p of policies) {
    if (byId.has(p.id))
      throw new CriteriaError('invalid_argument', [
        formatIssue('registry', p.id, 'a policy id registered once'),
      ]);
    byId.set(p.id, p);
  }
  const entries = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ids = entries.map((p) => p.id);
  const entry = (id: unknown, field = 'policy'): RegisteredPolicy => {
    const found = typeof id === 'string' ? byId.get(id) : undefined;
    if (found) return found;
    throw new CriteriaError('unknown_policy', [
      formatIssue(field, id, `a known policy (known: ${ids.join(', ')})`),
    ]);
  };
  return {
    ids,
    entries,
    get: (id) => byId.get(id),
    entry,
    load: async (id, field) => entry(id, field).load(),
    loadAll: () => Promise.all(entries.map((p) => p.load())),
    metaAll: () => Promise.all(entries.map((p) => p.meta())),
    byPackage: (name) => entries.find((p) => p.packageName === name),
  };
}

/**
 * The directory of an installed package (its package.json's folder), as Node
 * resolves it from `from` (a file URL or path; default: this module).
 */
export function packageDir(packageName: string, from: string = import.meta.url): string {
  return dirname(createRequire(from).resolve(`${packageName}/package.json`));
}
