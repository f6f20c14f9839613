/**
 * Builds the fastify instance: zod schemas for validation, the shared error handler, the logger.
 * What it serves comes from plugins registered on it (`coreRoutes` here, channel routes from
 * the composition root), so tests can build a server with only what they exercise.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Logger } from '../logger.js';
import { installErrorHandler } from './error-handler.js';

export interface ServerOptions {
  /** The process logger; a silent one when absent (tests). */
  logger?: Logger;
  /** Largest request body in bytes. Default 12 MiB (a phone photo). */
  bodyLimit?: number;
  /** Trust X-Forwarded-* from a reverse proxy. Default false. */
  trustProxy?: boolean;
}

/** Routes declare `app.withTypeProvider<ZodTypeProvider>()` themselves for typed zod schemas. */
export type AppServer = FastifyInstance;

export function createServer(options: ServerOptions = {}): AppServer {
  const app = Fastify({
    loggerInstance: options.logger,
    bodyLimit: options.bodyLimit ?? 12 * 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
  }) as unknown as FastifyInstance;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  return app;
}
