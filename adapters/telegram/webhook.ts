/**
 * The webhook endpoint inside the product's fastify server. The secret header is checked before the
 * body is even parsed; the answer is 200 only once the update was handled, so Telegram redelivers
 * an update whose handling failed (the engine's "seen" mark makes a repeat harmless).
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { Update } from 'telegraf/types';
import { AppError } from '../../src/errors.js';

export const WEBHOOK_PATH = '/webhooks/telegram';

/** An update is small; a megabyte leaves room and refuses floods. */
const BODY_LIMIT = 1024 * 1024;

export interface WebhookRouteOptions {
  secret: string;
  /** Resolves true when handled, false when Telegram should deliver it again; undefined before start. */
  handle: (update: Update) => Promise<boolean> | undefined;
}

export function webhookRoutes(o: WebhookRouteOptions): FastifyPluginAsync {
  const expected = Buffer.from(o.secret);
  return async (app) => {
    app.post(
      WEBHOOK_PATH,
      {
        bodyLimit: BODY_LIMIT,
        onRequest: async (req) => {
          const given = req.headers['x-telegram-bot-api-secret-token'];
          if (typeof given !== 'string' || !sameSecret(Buffer.from(given), expected)) {
            throw new AppError('FORBIDDEN', 'header X-Telegram-Bot-Api-Secret-Token is missing or wrong');
          }
        },
      },
      async (req, reply) => {
        const body = req.body;
        if (!isUpdate(body)) {
          throw new AppError('INVALID_INPUT', 'body: expected a Telegram update (an object with a numeric update_id)');
        }
        const handled = o.handle(body);
        if (handled === undefined) throw new AppError('CHANNEL_UNAVAILABLE', 'telegram: the adapter is not started yet');
        // Any non-2xx makes Telegram deliver the update again later.
        if (!(await handled)) throw new AppError('CHANNEL_UNAVAILABLE', 'telegram: the update was not handled');
        return reply.code(200).send({ ok: true });
      },
    );
  };
}

function sameSecret(given: Buffer, expected: Buffer): boolean {
  // timingSafeEqual needs equal lengths; comparing against itself keeps the time independent of the guess.
  if (given.length !== expected.length) {
    timingSafeEqual(expected, expected);
    return false;
  }
  return timingSafeEqual(given, expected);
}

function isUpdate(body: unknown): body is Update {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const id = (body as { update_id?: unknown }).update_id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0;
}
