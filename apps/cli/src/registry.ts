/**
 * The policies the CLI knows come from `@criteria/registry` (the one list), each
 * imported on first use: a command that names no policy loads none.
 */
export { policies } from '@criteria/registry';
export { findRevision } from '@criteria/schema';
