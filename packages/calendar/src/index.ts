export * from './core.js';
export { IsoDateSchema } from './iso-date-schema.js';
