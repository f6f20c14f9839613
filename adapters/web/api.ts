/**
 * The web chat's JSON API under /chat/api: send a message, upload a photo, read the session's
 * messages. Every route needs the session cookie the page sets; bodies are checked by zod
 * schemas, so a bad request gets a 400 naming the field.
 */
import multipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { InboundContent } from '../../src/channels/types.js';
import { AppError } from '../../src/errors.js';
import type { MediaStore } from '../../src/media/store.js';
import type { WebMessage } from '../../src/store/ports.js';
import { sniffImage } from './images.js';
import type { WebInbox, WebInboundPayload } from './inbox.js';
import { requireSession } from './session.js';

export interface WebApiOptions {
  inbox: WebInbox;
  media: MediaStore;
  /** Longest text accepted; flows shorten long reports themselves. Default 20,000 characters. */
  maxTextLength?: number;
  /** Largest photo upload in bytes. Default 10 MiB. */
  maxPhotoBytes?: number;
}

/** Messages returned by one history call; the page asks again while a full page comes back. */
export const HISTORY_PAGE = 200;

const clientId = z.uuid('must be a UUID (the page makes one per message)');

function messageBody(maxText: number) {
  return z
    .object({
      clientId,
      text: z
        .string('must be a string')
        .max(maxText, `must be at most ${maxText} characters`)
        .refine((s) => s.trim() !== '', 'must not be empty or only spaces')
        .optional(),
      button: z.string('must be a string').min(1, 'must not be empty').max(64, 'must be at most 64 characters').optional(),
      /** The chip's label, shown as the resident's bubble. */
      label: z.string().max(200, 'must be at most 200 characters').optional(),
      location: z
        .object({
          lat: z.number('must be a number').min(-90, 'must be between -90 and 90').max(90, 'must be between -90 and 90'),
          lon: z.number('must be a number').min(-180, 'must be between -180 and 180').max(180, 'must be between -180 and 180'),
        })
        .optional(),
    })
    .refine((b) => [b.text, b.button, b.location].filter((v) => v !== undefined).length === 1, {
      message: 'give exactly one of text, button or location',
    });
}

const COMMAND = /^\/([A-Za-z][A-Za-z0-9_]{0,31})(?:\s+([\s\S]*))?$/;

/** Typed "/status 20261129-0007" is a command, as on Telegram, so the same flows answer it. */
function fromText(text: string): { payload: WebInboundPayload; content: InboundContent } {
  const m = COMMAND.exec(text.trim());
  if (m) {
    const command = m[1]!.toLowerCase();
    const args = (m[2] ?? '').trim();
    return { payload: { kind: 'command', command, args }, content: { kind: 'command', command, args } };
  }
  return { payload: { kind: 'text', text }, content: { kind: 'text', text } };
}

function view(m: WebMessage) {
  return { id: m.id, direction: m.direction, at: m.createdAt, payload: m.payload };
}

export const webApiRoutes: FastifyPluginAsync<WebApiOptions> = async (app, o) => {
  const maxText = o.maxTextLength ?? 20_000;
  const maxPhoto = o.maxPhotoBytes ?? 10 * 1024 * 1024;
  const r = app.withTypeProvider<ZodTypeProvider>();
  await app.register(multipart, { limits: { fileSize: maxPhoto, files: 1, fields: 4, parts: 5 } });

  r.post('/chat/api/messages', { schema: { body: messageBody(maxText) } }, async (req, reply) => {
    const session = requireSession(req);
    const b = req.body;
    let input: { payload: WebInboundPayload; content: InboundContent };
    if (b.text !== undefined) input = fromText(b.text);
    else if (b.button !== undefined)
      input = {
        payload: { kind: 'button', data: b.button, ...(b.label ? { label: b.label } : {}) },
        content: { kind: 'button', data: b.button },
      };
    else {
      const { lat, lon } = b.location!;
      input = { payload: { kind: 'location', lat, lon, crs: 'wgs84' }, content: { kind: 'location', lat, lon, crs: 'wgs84' } };
    }
    const row = await o.inbox.receive(session, b.clientId, input.payload, input.content);
    return reply.status(202).send({ id: row.id });
  });

  r.post('/chat/api/photos', { schema: { querystring: z.object({ clientId }) } }, async (req, reply) => {
    const session = requireSession(req);
    if (!req.isMultipart()) throw new AppError('INVALID_INPUT', 'photo: send multipart/form-data with one image file');
    const part = await req.file();
    if (!part) throw new AppError('INVALID_INPUT', 'photo: the form has no file');
    let data: Buffer;
    try {
      data = await part.toBuffer();
    } catch (err) {
      if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
        throw new AppError('INVALID_INPUT', `photo: the image is larger than ${Math.round(maxPhoto / 1048576)} MB`);
      }
      throw err;
    }
    const mime = sniffImage(data);
    if (!mime) {
      throw new AppError('INVALID_INPUT', `photo: "${part.filename.slice(0, 80)}" is not an image (JPEG, PNG, WebP, GIF or HEIC expected)`);
    }
    const path = await o.media.save(data, mime);
    const row = await o.inbox.receive(session, req.query.clientId, { kind: 'photo', path, mime }, {
      kind: 'photo',
      fetch: async () => ({ data, mime }),
    });
    return reply.status(202).send({ id: row.id });
  });

  r.get(
    '/chat/api/messages',
    {
      schema: {
        querystring: z.object({
          after: z.coerce.number('must be a message id').int('must be a whole number').min(0, 'must be 0 or more').default(0),
        }),
      },
    },
    async (req, reply) => {
      const session = requireSession(req);
      const rows = await o.inbox.history(session.id, req.query.after, HISTORY_PAGE);
      return reply.header('cache-control', 'no-store').send({ messages: rows.map(view), more: rows.length === HISTORY_PAGE });
    },
  );
};
