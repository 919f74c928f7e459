export {
  cite,
  codes,
  documentation,
  fixtureInput,
  fixturePolicy,
  fixturePolicyWith,
  fixtureRevision,
  indications,
  load,
  sources,
} from './policy.js';
export { FIXTURE_SOURCE_PATH, fixtureSource } from './source.js';
