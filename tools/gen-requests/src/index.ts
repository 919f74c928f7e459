export { type GenerateOptions, generateNdjson, generateRequests } from './generate.js';
export { type Rng, seeded } from './prng.js';
