/**
 * The FAQ and campaign admin APIs are served under the console's session, in the whole product.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/logger.js';
import { createWeicheng, type Weicheng } from '../../../src/main.js';

let app: Weicheng;
let dir: string;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'weicheng-admin-'));
  app = await createWeicheng(
    parseConfig({ DATABASE_URL: `file:${join(dir, 'w.db')}`, MEDIA_DIR: join(dir, 'media'), LOG_LEVEL: 'silent' }),
    { logger: createLogger('silent'), deadlines: { schedule: false } },
  );
  const unit = app.pack.units[0]!.id;
  await app.staff.add({ login: 'officer', name: '科员', unitId: unit, role: 'officer', password: 'officer-pass-1' });
  await app.staff.add({ login: 'chief', name: '主任', unitId: app.pack.city.dispatcher, role: 'admin', password: 'chief-pass-1' });
  for (const [login, password] of [['officer', 'officer-pass-1'], ['chief', 'chief-pass-1']] as const) {
    const res = await app.server.inject({ method: 'POST', url: '/console/api/login', payload: { login, password } });
    expect(res.statusCode).toBe(200);
    cookies[login] = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  }
}, 120_000);

afterAll(async () => {
  await app.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('admin APIs under the console session', () => {
  it('refuses a request without a session', async () => {
    expect((await app.server.inject({ url: '/console/api/admin/faq' })).statusCode).toBe(401);
    expect((await app.server.inject({ url: '/console/api/admin/campaigns' })).statusCode).toBe(401);
  });

  it('lets an officer read the knowledge base and campaigns but not change them', async () => {
    const list = await app.server.inject({ url: '/console/api/admin/faq', headers: { cookie: cookies.officer } });
    expect(list.statusCode).toBe(200);
    expect(JSON.stringify(list.json())).toContain(app.pack.faq[0]!.id);
    expect((await app.server.inject({ url: '/console/api/admin/campaigns', headers: { cookie: cookies.officer } })).statusCode).toBe(200);
    const put = await app.server.inject({
      method: 'PUT',
      url: '/console/api/admin/faq/new-entry',
      headers: { cookie: cookies.officer },
      payload: { question: '问', answer: '答', variants: [], tags: [] },
    });
    expect(put.statusCode).toBe(403);
  });

  it('lets an admin add an entry that the chat then answers from', async () => {
    const put = await app.server.inject({
      method: 'PUT',
      url: '/console/api/admin/faq/bulky-waste',
      headers: { cookie: cookies.chief },
      payload: { question: '旧沙发旧床垫这种大件垃圾怎么扔？', variants: ['大件家具怎么处理'], answer: '请拨打环卫预约电话，免费上门收运。', tags: ['垃圾分类'] },
    });
    expect(put.statusCode).toBe(201);
    expect(app.faq.ask('旧沙发怎么扔').answer?.id).toBe('bulky-waste');
  });
});
