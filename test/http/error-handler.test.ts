import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError, NotFoundError } from '../../src/errors.js';
import { createServer, type AppServer } from '../../src/http/server.js';

let app: AppServer;
afterEach(async () => {
  await app.close();
});

function build(): AppServer {
  app = createServer();
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/things', { schema: { body: z.object({ name: z.string().min(1) }) } }, async (req) => ({ ok: req.body.name }));
  r.get('/missing', async () => {
    throw new NotFoundError('ticket', '20261129-0007');
  });
  r.get('/conflict', async () => {
    throw new AppError('INVALID_TRANSITION', 'ticket 1: cannot close when assigned');
  });
  r.get('/crash', async () => {
    throw new Error('SELECT * FROM secrets failed at /srv/db');
  });
  r.get('/config', async () => {
    throw new AppError('CONFIG_INVALID', 'internal detail /etc/x');
  });
  return app;
}

describe('the HTTP error handler', () => {
  it('maps a bad body to 400 with the path and reason', async () => {
    const res = await build().inject({ method: 'POST', url: '/things', payload: { name: '' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_INPUT');
    expect(res.json().error.message).toMatch(/name/);
  });

  it('maps malformed JSON to 400', async () => {
    const res = await build().inject({ method: 'POST', url: '/things', payload: '{oops', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
  });

  it('maps typed errors to their status and stable code', async () => {
    build();
    const missing = await app.inject({ url: '/missing' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'ticket "20261129-0007" not found', details: { what: 'ticket', id: '20261129-0007' } },
    });
    expect((await app.inject({ url: '/conflict' })).statusCode).toBe(409);
    expect((await app.inject({ url: '/nowhere' })).json().error.code).toBe('NOT_FOUND');
  });

  it('never leaks internals on a 5xx', async () => {
    build();
    for (const url of ['/crash', '/config']) {
      const res = await app.inject({ url });
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toMatch(/secrets|\/srv|\/etc/);
      expect(res.json().error.message).toBe('internal error');
    }
  });
});
