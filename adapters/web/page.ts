/**
 * The page itself: /chat (HTML with the city's name), its CSS and script from ./public, and the
 * session's photos under /chat/media. Only the files named here are served, so no request path
 * ever reaches the file system unchecked.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { escapeHtml, hardened, sendPage } from '../../src/http/html.js';
import type { MediaStore } from '../../src/media/store.js';
import { mediaMimeOf } from './images.js';
import type { WebInbox } from './inbox.js';
import { ensureSession, requireSession } from './session.js';

export interface WebPageOptions {
  inbox: WebInbox;
  media: MediaStore;
  cityName: string;
  /** How many of a session's messages are searched for a photo it may see. Default 2000. */
  mediaScan?: number;
}

const PUBLIC = new URL('./public/', import.meta.url);

const ASSETS: Record<string, string> = {
  'chat.css': 'text/css; charset=utf-8',
  'chat.js': 'text/javascript; charset=utf-8',
  'render.js': 'text/javascript; charset=utf-8',
  'icon.svg': 'image/svg+xml; charset=utf-8',
};

export const webPageRoutes: FastifyPluginAsync<WebPageOptions> = async (app, o) => {
  const assets = new Map<string, { body: Buffer; type: string }>();
  for (const [name, type] of Object.entries(ASSETS)) assets.set(name, { body: await readFile(new URL(name, PUBLIC)), type });
  // The version in asset URLs changes with their content, so browsers may cache them for long.
  const version = createHash('sha256')
    .update(Buffer.concat([...assets.values()].map((a) => a.body)))
    .digest('hex')
    .slice(0, 10);
  const html = (await readFile(new URL('index.html', PUBLIC), 'utf8'))
    .replaceAll('{{CITY}}', escapeHtml(o.cityName))
    .replaceAll('{{V}}', version);
  const mediaScan = o.mediaScan ?? 2000;

  app.get('/chat', async (req, reply) => {
    ensureSession(req, reply);
    return sendPage(reply, html);
  });
  app.get('/chat/', async (_req, reply) => reply.redirect('/chat'));

  app.get<{ Params: { file: string } }>('/chat/static/:file', async (req, reply) => {
    const asset = assets.get(req.params.file);
    if (!asset) return reply.callNotFound();
    return hardened(reply).header('cache-control', 'public, max-age=604800').type(asset.type).send(asset.body);
  });

  app.get<{ Params: { '*': string } }>('/chat/media/*', async (req, reply) => {
    const path = req.params['*'];
    const mime = mediaMimeOf(path);
    if (!mime) return reply.callNotFound();
    const session = requireSession(req);
    // A resident sees the photos of their own conversation and nothing else.
    const rows = await o.inbox.history(session.id, 0, mediaScan);
    const owned = rows.some((r) => r.payload.path === path || r.payload.photo === path);
    if (!owned) return reply.callNotFound();
    let body: Buffer;
    try {
      body = await o.media.read(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return reply.callNotFound();
      throw err;
    }
    return hardened(reply).header('cache-control', 'private, max-age=86400').type(mime).send(body);
  });
};
