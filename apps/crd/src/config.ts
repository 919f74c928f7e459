import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { TrustedIssuer } from './auth.js';

const LineSchema = z.enum(['medicare', 'non-medicare']);

/** The deployment's configuration file (`CRD_CONFIG`), every key optional. */
export const ConfigFileSchema = z
  .object({
    /** Trusted CDS clients: `iss` and a JWKS URL or inline JWKS. */
    trustedIssuers: z
      .array(
        z
          .object({
            iss: z.string().min(1),
            jwksUrl: z.url().optional(),
            jwks: z.object({ keys: z.array(z.record(z.string(), z.unknown())) }).optional(),
          })
          .refine((i) => i.jwksUrl !== undefined || i.jwks !== undefined, {
            message: 'expected jwksUrl or jwks',
          }),
      )
      .default([]),
    publicUrl: z.url().optional(),
    /** Coverage class (type `plan`) value → line of business. */
    coverageClassMap: z.record(z.string(), LineSchema).default({}),
    /** A member table: the member lookup used when present. */
    members: z
      .array(
        z.object({
          identifier: z.object({ system: z.string().optional(), value: z.string().min(1) }),
          lineOfBusiness: LineSchema.nullable(),
        }),
      )
      .optional(),
    /** Pre-authorization Code Check answers, by code or `system|code`. */
    codeCheck: z
      .record(
        z.string(),
        z.object({
          paNeeded: z.enum(['no-auth', 'auth-needed', 'performpa']),
          covered: z.enum(['covered', 'not-covered']).optional(),
          text: z.string().min(1),
        }),
      )
      .default({}),
    payer: z
      .object({
        organizations: z.array(z.string()).optional(),
        identifiers: z
          .array(z.object({ system: z.string().optional(), value: z.string() }))
          .optional(),
      })
      .optional(),
    fhirTimeoutMs: z.number().int().positive().optional(),
  })
  .strict();
export type ConfigFile = z.infer<typeof ConfigFileSchema>;

export interface Environment {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  devIssuer: boolean;
  publicUrl: string | undefined;
  memberHashKey: string;
  file: ConfigFile;
}

export class ConfigError extends Error {}

const readConfigFile = (path: string | undefined): ConfigFile => {
  if (!path) return ConfigFileSchema.parse({});
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ConfigError(`CRD_CONFIG: cannot read \`${path}\` as JSON (${(e as Error).message})`);
  }
  const parsed = ConfigFileSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ConfigError(
      `CRD_CONFIG \`${path}\`: ${first?.path.join('.') || '(root)'}: ${first?.message}`,
    );
  }
  return parsed.data;
};

/** The key of the member hash: `CRD_MEMBER_HASH_KEY`, else a random key kept under the data folder. */
const memberHashKey = (dataDir: string, env: NodeJS.ProcessEnv): string => {
  if (env.CRD_MEMBER_HASH_KEY) return env.CRD_MEMBER_HASH_KEY;
  const file = join(dataDir, 'member-hash.key');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch {
      // created by another process meanwhile
    }
    return readFileSync(file, 'utf8').trim();
  }
};

/**
 * The service's settings from the environment and arguments: `HOST`, `PORT`,
 * `DATA_DIR`, `DATABASE_URL`, `CRD_CONFIG`, `CRD_PUBLIC_URL`, `CRD_DEV_ISSUER`
 * (`off` or `--no-dev-issuer` turns the development issuer off: production must).
 */
export const loadEnvironment = (
  env: NodeJS.ProcessEnv,
  argv: readonly string[] = [],
): Environment => {
  const port = Number(env.PORT ?? '3000');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT: \`${env.PORT}\` is not a port number (0-65535)`);
  }
  const dataDir = resolve(env.DATA_DIR ?? '.data');
  const devIssuerSetting = (env.CRD_DEV_ISSUER ?? 'on').toLowerCase();
  if (!['on', 'off'].includes(devIssuerSetting)) {
    throw new ConfigError(`CRD_DEV_ISSUER: \`${env.CRD_DEV_ISSUER}\` is not on or off`);
  }
  const file = readConfigFile(env.CRD_CONFIG);
  return {
    host: env.HOST ?? '127.0.0.1',
    port,
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    devIssuer: devIssuerSetting === 'on' && !argv.includes('--no-dev-issuer'),
    publicUrl: env.CRD_PUBLIC_URL ?? file.publicUrl,
    memberHashKey: memberHashKey(dataDir, env),
    file,
  };
};

export const trustedIssuersOf = (file: ConfigFile): TrustedIssuer[] =>
  file.trustedIssuers.map((i) => ({
    iss: i.iss,
    ...(i.jwksUrl ? { jwksUrl: i.jwksUrl } : {}),
    ...(i.jwks ? { jwks: i.jwks as never } : {}),
  }));
