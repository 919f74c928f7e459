export { BENCH_MIX } from './mix.js';
export {
  type RoutingFacts,
  routeWithRulesEngine,
  routingEngine,
  routingFacts,
} from './rules-engine.js';
