/**
 * The one HTTP error handler: typed errors map to their status and stable code; validation errors
 * to 400 with the path and reason; anything else to a plain 500 that leaks nothing.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isAppError } from '../errors.js';

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({ path: v.instancePath || '/', message: v.message }));
      const first = details[0];
      return reply.status(400).send({
        error: { code: 'INVALID_INPUT', message: first ? `${first.path}: ${first.message}` : 'invalid request', details },
      } satisfies ErrorBody);
    }
    if (isAppError(err)) {
      if (err.status >= 500) req.log.error({ code: err.code, err }, 'request failed');
      const body: ErrorBody = { error: { code: err.code, message: err.status >= 500 ? 'internal error' : err.message } };
      if (err.status < 500 && err.details) body.error.details = err.details;
      return reply.status(err.status).send(body);
    }
    // Fastify's own client errors (bad JSON, body too large, unsupported media type) keep their 4xx.
    const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
    if (status < 500) {
      return reply.status(status).send({ error: { code: err.code ?? 'BAD_REQUEST', message: err.message } } satisfies ErrorBody);
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'INTERNAL', message: 'internal error' } } satisfies ErrorBody);
  });

  app.setNotFoundHandler((req, reply) => {
    reply.status(404).send({ error: { code: 'NOT_FOUND', message: `no route ${req.method} ${req.url.split('?')[0]}` } } satisfies ErrorBody);
  });
}
