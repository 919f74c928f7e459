/**
 * `pnpm generate:request-check`: writes src/internal/request-check.generated.ts,
 * the request's fast check as straight-line code, from the one zod schema
 * (RequestSchema). CI regenerates it and fails when it is stale.
 */
import { writeFileSync } from 'node:fs';
import { requestCheckPath, requestCheckSource } from './request-check.js';

writeFileSync(requestCheckPath, requestCheckSource());
process.stdout.write('wrote packages/evaluator/src/internal/request-check.generated.ts\n');
