export { ALGORITHMS, AuthError, type TrustedIssuer, tokenVerifier } from './auth.js';
export { PLAN_TIME_ZONE, zonedToday } from './clock.js';
export { ConfigFileSchema, type Environment, loadEnvironment } from './config.js';
export { DEV_ISSUER, devTrustedIssuer, mintDevToken } from './dev-issuer.js';
export type { CodeCheckEntry, ContactDetail } from './internal/coverage-information.js';
export { createLogger, REDACT_PATHS } from './logger.js';
export {
  type CrdLineOfBusiness,
  lineOfBusinessFromCoverage,
  type MemberLookup,
  type MemberLookupResult,
  type MemberTableEntry,
  tableMemberLookup,
} from './member.js';
export { buildServer, type ExtraPlugin, IMRT_CONTACT, type ServiceOptions } from './server.js';
export { startService } from './start.js';
export {
  type AssertionStore,
  type AuditEntry,
  openPgliteStore,
  openPostgresStore,
  openStore,
  type StoredAssertion,
} from './store.js';
