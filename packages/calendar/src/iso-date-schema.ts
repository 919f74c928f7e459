import { z } from 'zod';
import { ISO_DATE_EXPECTED, isIsoDate } from './core.js';

/**
 * Zod schema for {@link IsoDate}: the shape and a real calendar day. Its JSON
 * Schema (the published contract, `schemas/`) says the same as far as JSON Schema
 * can: `format: date` (RFC 3339 full-date, a real day for validators that check
 * formats) and a pattern for the shape, months 01-12 and days 01-31.
 */
export const IsoDateSchema = z
  .string()
  .refine(isIsoDate, { message: `expected ${ISO_DATE_EXPECTED}` })
  .meta({
    format: 'date',
    pattern: '^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])$',
    description: 'A calendar date, YYYY-MM-DD.',
  });
