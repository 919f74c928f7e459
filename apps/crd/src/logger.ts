import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Paths pino censors in every log line. Requests are logged by method, URL and
 * status only; these paths catch anything that slips into a log object.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'authorization',
  'token',
  'body',
  'req.body',
  'prefetch',
  'context',
  'fhirAuthorization',
  'patient',
  'member',
  '*.prefetch',
  '*.context',
  '*.fhirAuthorization',
  '*.patient',
  '*.member',
  '*.body',
  '*.token',
  '*.authorization',
];

/** The service's logger: JSON lines, member data and tokens censored. */
export const createLogger = (
  opts: { level?: string; destination?: DestinationStream } = {},
): Logger =>
  pino(
    {
      level: opts.level ?? process.env.LOG_LEVEL ?? 'info',
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: {
        // Only these fields of a request or reply, never headers or bodies.
        req: (req: { method?: string; url?: string; id?: string }) => ({
          method: req.method,
          url: req.url,
          id: req.id,
        }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
        err: pino.stdSerializers.err,
      },
    },
    opts.destination ?? pino.destination({ fd: 2, sync: false }),
  );
