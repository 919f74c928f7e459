import { DeterminationSchema, RequestSchema } from '@criteria/evaluator/schemas';
import { ImpactReportSchema } from '@criteria/impact';
import { ChangeNoticeSchema } from '@criteria/notice';
import { PolicySchema, ReadingsEditionInputSchema } from '@criteria/schema';
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;

const BASE = 'https://criteria-as-code.invalid/schemas/';

/** One published JSON Schema: where it is written, and what it describes. */
export interface ContractSchema {
  /** File name under `schemas/`. */
  file: string;
  /** The zod schema it is generated from, and the package that exports it. */
  from: string;
  schema: JsonSchema;
}

const generate = (
  file: string,
  title: string,
  description: string,
  schema: z.ZodType,
  io: 'input' | 'output',
): JsonSchema => {
  const { $schema, ...rest } = z.toJSONSchema(schema, { io, target: 'draft-2020-12' });
  return { $schema, $id: `${BASE}${file}`, title, description, ...rest };
};

/**
 * The published contract as JSON Schema (draft 2020-12), generated from the
 * zod schemas that validate it: a request (as a caller sends it), a
 * determination, a change notice (`criteria notice --format json`), an impact
 * report (`criteria impact --json`) and a policy's data (as its modules write it,
 * what `parsePolicy` accepts). Dates carry the `YYYY-MM-DD` pattern and
 * `format: date`; a request needs an indication or diagnoses (`anyOf`).
 * `pnpm generate:schemas` writes them to `schemas/`.
 *
 * @example contractSchemas().map((s) => s.file) // => ['request.schema.json', ...]
 */
export function contractSchemas(): ContractSchema[] {
  const policy = generate(
    'policy.schema.json',
    'Policy',
    "A policy's data as its modules write it: the record, every revision (a full snapshot each) and the readings editions. `parsePolicy` accepts it; content hashes are computed when the policy loads.",
    PolicySchema,
    'input',
  );
  const readings = z.toJSONSchema(z.array(ReadingsEditionInputSchema), { io: 'input' });
  delete readings.$schema;
  // `readings` rides beside the policy's own fields (PolicyWithReadingsInput): each edition is built and checked on load.
  (policy.properties as Record<string, unknown>).readings = {
    description: 'The readings editions, oldest first; the last is the latest.',
    ...readings,
  };
  return [
    {
      file: 'request.schema.json',
      from: '@criteria/evaluator/schemas RequestSchema',
      schema: generate(
        'request.schema.json',
        'Evaluation request',
        'A request to evaluate against a policy, as a caller sends it (defaults not yet applied). Member data may ride along in `member`: it is never read, copied or logged.',
        RequestSchema,
        'input',
      ),
    },
    {
      file: 'determination.schema.json',
      from: '@criteria/evaluator/schemas DeterminationSchema',
      schema: generate(
        'determination.schema.json',
        'Determination',
        'The answer to a request: the governing revision and readings edition, the route, the criteria that apply, the documentation missing, and why.',
        DeterminationSchema,
        'output',
      ),
    },
    {
      file: 'notice.schema.json',
      from: '@criteria/notice ChangeNoticeSchema',
      schema: generate(
        'notice.schema.json',
        'Change notice',
        'The change notice of one revision, as `criteria notice --format json` writes it.',
        ChangeNoticeSchema,
        'output',
      ),
    },
    {
      file: 'impact-report.schema.json',
      from: '@criteria/impact ImpactReportSchema',
      schema: generate(
        'impact-report.schema.json',
        'Impact report',
        'What changing from one revision to another would do to a set of requests, as `criteria impact --json` writes it.',
        ImpactReportSchema,
        'output',
      ),
    },
    { file: 'policy.schema.json', from: '@criteria/schema PolicySchema', schema: policy },
  ];
}

/** A schema file's text: two-space JSON and a final newline. */
export const schemaText = (s: ContractSchema): string => `${JSON.stringify(s.schema, null, 2)}\n`;
