import { exportedNames } from '@criteria/testing';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as api from './index.js';
import type { ImpactReport } from './report.js';
import { runImpact } from './run.js';

describe('public API', () => {
  it('exports exactly these names', () => {
    expect(exportedNames(api)).toMatchInlineSnapshot(`
      [
        "ChangeKindSchema",
        "ChangeSchema",
        "DEFAULT_BATCH_LINES",
        "ExampleSchema",
        "FILE_CHUNK_BYTES",
        "IMPACT_SCHEMA_VERSION",
        "ImpactAccumulator",
        "ImpactReportSchema",
        "InvalidLineSchema",
        "MAX_LINE_LENGTH",
        "OutcomeSchema",
        "ROUTES",
        "WORKERS_AFTER_LINES",
        "fileChunks",
        "isBatch",
        "lineBatches",
        "lineOf",
        "maxWorkers",
        "numberedLines",
        "readAll",
        "runImpact",
      ]
    `);
  });

  it('runImpact resolves to an ImpactReport', () => {
    expectTypeOf(runImpact).returns.resolves.toEqualTypeOf<ImpactReport>();
  });
});
