import { createHmac, createSecretKey, randomUUID } from 'node:crypto';
import { safeEvaluate } from '@criteria/evaluator';
import { imrt } from '@criteria/policy-imrt';
import type { LoadedPolicy } from '@criteria/schema';
import swagger from '@fastify/swagger';
import Fastify, {
  type FastifyInstance,
  type FastifyPluginAsync,
  type FastifyPluginCallback,
} from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { z } from 'zod';
import { AuthError, type TrustedIssuer, tokenVerifier } from './auth.js';
import { zonedToday } from './clock.js';
import type { CodeCheckEntry, ContactDetail } from './internal/coverage-information.js';
import { discovery, HOOKS, serviceId } from './internal/discovery.js';
import { answerHook, operationOutcome, type PayerIdentity } from './internal/hook.js';
import { HookRequestSchema } from './internal/hook-request.js';
import { createLogger } from './logger.js';
import type { CrdLineOfBusiness, MemberLookup } from './member.js';
import { type AssertionStore, JsonText } from './store.js';

/** A fastify plugin registered beside the service's routes (e.g. the web viewer, at `/`). */
export interface ExtraPlugin {
  plugin: FastifyPluginAsync<never> | FastifyPluginCallback<never>;
  options?: Record<string, unknown>;
}

export interface ServiceOptions {
  store: AssertionStore;
  trustedIssuers: TrustedIssuer[];
  /** The policy served (default IMRT). */
  policy?: LoadedPolicy;
  /**
   * The service's public base URL (`https://crd.plan.example`): `aud` must be
   * this plus the path called. Default: the request's own scheme and Host.
   */
  publicUrl?: string;
  logger?: Logger;
  /** Today's date in the plan's time zone (injected in tests). */
  today?: () => string;
  memberLookup?: MemberLookup;
  /** Coverage `class` (type `plan`) value → line of business. */
  coverageClassMap?: Record<string, CrdLineOfBusiness>;
  /** The deployment's Pre-authorization Code Check table, by code or `system|code`. */
  codeCheck?: Record<string, CodeCheckEntry>;
  payer?: PayerIdentity;
  contact?: ContactDetail;
  /** URL of a revision's page. Default: `<publicUrl>/policies/<policy>/revisions/<revision>.html` (the viewer's page). */
  policyLink?: (policy: string, revision: string) => string;
  /** Key of the keyed hash that stands for the member in stored assertions. */
  memberHashKey: string;
  fhirTimeoutMs?: number;
  /** Extra fastify plugins, registered at `/` after the service's own routes. */
  plugins?: ExtraPlugin[];
}

/** The contact the IMRT source gives for questions on the criteria (source:32). */
export const IMRT_CONTACT: ContactDetail = {
  name: 'Kaiser Permanente Clinical Review staff',
  telecom: [{ system: 'phone', value: '1-800-289-1363' }],
};

const UNAUTHORIZED = { error: 'unauthorized' };

/**
 * Builds the coverage service (not listening). Close it with `app.close()`:
 * in-flight requests finish, then the store is closed.
 *
 * @example
 * const app = await buildServer({ store, trustedIssuers, memberHashKey: 'k' });
 * await app.listen({ host: '127.0.0.1', port: 3000 });
 */
export const buildServer = async (opts: ServiceOptions): Promise<FastifyInstance> => {
  const policy = opts.policy ?? imrt;
  const logger = opts.logger ?? createLogger();
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: 10 * 1024 * 1024,
    forceCloseConnections: 'idle',
    genReqId: () => randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Coverage service (Da Vinci CRD 2.2 over CDS Hooks 2.0)',
        version: '0.1.0',
        description: `Coverage requirements for ${policy.title}.`,
      },
      components: {
        securitySchemes: { cdsHooksJwt: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
    },
    transform: jsonSchemaTransform,
  });

  const verify = tokenVerifier(opts.trustedIssuers);
  const store = opts.store;
  const today = opts.today ?? zonedToday();
  let closing = false;
  const baseUrl = (req: { protocol: string; host: string }) =>
    (opts.publicUrl ?? `${req.protocol}://${req.host}`).replace(/\/+$/, '');

  // Every hook call and every /v1 call carries a CDS Hooks JWT; checked before the body is read.
  app.addHook('onRequest', async (req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    const guarded =
      (req.method === 'POST' && path.startsWith('/cds-services/')) || path.startsWith('/v1/');
    if (!guarded) return;
    try {
      const token = await verify(req.headers.authorization, `${baseUrl(req)}${path}`);
      if (!(await store.rememberJti(token.iss, token.jti, token.exp)))
        throw new AuthError('replayed jti');
    } catch (e) {
      if (!(e instanceof AuthError)) throw e;
      req.log.info({ reason: e.reason }, 'token refused');
      return reply.code(401).header('www-authenticate', 'Bearer').send(UNAUTHORIZED);
    }
  });

  app.setErrorHandler((error, req, reply) => {
    const isHook = req.url.startsWith('/cds-services');
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({
        path: v.instancePath || '/',
        message: v.message ?? 'invalid',
      }));
      return reply
        .code(400)
        .send(
          isHook
            ? operationOutcome('invalid', issues.map((i) => `${i.path}: ${i.message}`).join('; '))
            : { issues },
        );
    }
    const err = error as Error & { statusCode?: number };
    const status = err.statusCode ?? 500;
    if (status < 500) {
      return reply
        .code(status)
        .send(isHook ? operationOutcome('invalid', err.message) : { error: err.message });
    }
    req.log.error(
      { err: { type: err.name, message: err.message, stack: err.stack } },
      'request failed',
    );
    return reply
      .code(500)
      .send(isHook ? operationOutcome('exception', 'internal error') : { error: 'internal error' });
  });

  app.get('/cds-services', { schema: { description: 'CDS Hooks discovery' } }, async () =>
    discovery(policy),
  );

  const hookById = new Map(HOOKS.map((h) => [serviceId(policy.id, h), h]));
  const memberHashKey = createSecretKey(Buffer.from(opts.memberHashKey, 'utf8'));
  const memberHash = (text: string) =>
    createHmac('sha256', memberHashKey).update(text).digest('hex');
  app.post(
    '/cds-services/:id',
    {
      schema: {
        description: 'A CDS Hooks call: coverage information on each order (Da Vinci CRD 2.2)',
        params: z.object({ id: z.string() }),
        body: HookRequestSchema,
        security: [{ cdsHooksJwt: [] }],
      },
    },
    async (req, reply) => {
      const hook = hookById.get(req.params.id);
      if (!hook)
        return reply
          .code(404)
          .send(operationOutcome('not-found', `no CDS service \`${req.params.id}\``));
      if (req.body.hook !== hook) {
        return reply
          .code(400)
          .send(
            operationOutcome(
              'invalid',
              `hook \`${req.body.hook}\` sent to the ${hook} service \`${req.params.id}\``,
            ),
          );
      }
      const answer = await answerHook(req.body, {
        policy,
        today,
        newId: randomUUID,
        memberHash,
        memberLookup: opts.memberLookup,
        coverageClassMap: opts.coverageClassMap ?? {},
        codeCheck: opts.codeCheck ?? {},
        payer: opts.payer,
        policyLink:
          opts.policyLink ??
          ((p: string, r: string) => `${baseUrl(req)}/policies/${p}/revisions/${r}.html`),
        contact: opts.contact ?? IMRT_CONTACT,
        fhirTimeoutMs: opts.fhirTimeoutMs ?? 5000,
        sourceLabel: policy.plan,
      });
      const auditRequest = req.body.fhirAuthorization
        ? {
            ...req.body,
            fhirAuthorization: { ...req.body.fhirAuthorization, access_token: '[not kept]' },
          }
        : req.body;
      const payload = JSON.stringify(answer.body);
      // Stored before the answer leaves: an assertion id a client holds is never lost.
      await store.record(answer.assertions, {
        hook: req.body.hook,
        hookInstance: req.body.hookInstance,
        status: answer.status,
        request: auditRequest,
        response: new JsonText(payload),
      });
      // The text sent is the text stored in the audit entry.
      return reply.code(answer.status).type('application/json; charset=utf-8').send(payload);
    },
  );

  app.post(
    '/v1/evaluate',
    {
      schema: {
        description:
          "The evaluator's own request and determination, for services that are not EHRs",
        body: z.unknown(),
        security: [{ cdsHooksJwt: [] }],
      },
    },
    async (req, reply) => {
      const result = safeEvaluate(policy, req.body);
      if (!result.ok) {
        return reply.code(400).send({
          issues: result.issues.map((i) => ({
            path: i.path,
            expected: i.expected,
            message: i.message,
          })),
        });
      }
      return result.value;
    },
  );

  app.get(
    '/v1/assertions/:id',
    {
      schema: {
        description: 'A stored coverage assertion, by the coverage-assertion-id a client received',
        params: z.object({ id: z.string().max(200) }),
        security: [{ cdsHooksJwt: [] }],
      },
    },
    async (req, reply) => {
      const found = await store.get(req.params.id);
      if (!found) return reply.code(404).send({ error: `no assertion \`${req.params.id}\`` });
      const { memberKeyedHash: _hidden, ...assertion } = found;
      return assertion;
    },
  );

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    if (closing) return reply.code(503).send({ status: 'closing' });
    try {
      await store.ping();
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'store unavailable' });
    }
  });

  app.addHook('preClose', async () => {
    closing = true;
  });
  // A request in flight at SIGTERM arrived on a keep-alive connection; once answered, that
  // connection would stay open, and the process with it, until fastify's keep-alive timeout
  // (72 s). Answers sent while closing tell the client to close it instead (HTTP/1.1:
  // Node ends the socket after the response), so the service exits once they are sent.
  app.addHook('onSend', (req, reply, payload, done) => {
    if (closing && req.raw.httpVersionMajor === 1) reply.header('connection', 'close');
    done(null, payload);
  });
  app.addHook('onClose', async () => {
    await store.close();
  });

  for (const extra of opts.plugins ?? []) {
    await app.register(extra.plugin as FastifyPluginAsync, extra.options ?? {});
  }
  return app as unknown as FastifyInstance;
};
