import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { consoleHarness, PASSWORD, type ConsoleHarness } from './helpers.js';

let h: ConsoleHarness;
beforeEach(async () => {
  h = await consoleHarness({ loginLimit: { max: 3, windowMs: 60_000 } });
  await h.addStaff('wang', 'cleaners');
});
afterEach(async () => {
  await h.close();
});

const login = (payload: object, remoteAddress = '10.0.0.1') =>
  h.server.inject({ method: 'POST', url: '/console/api/login', payload, remoteAddress });

describe('console login', () => {
  it('sets an httpOnly, SameSite=Strict session cookie on /console for the right password', async () => {
    const res = await login({ login: 'wang', password: PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json().staff).toMatchObject({ login: 'wang', unitId: 'cleaners', role: 'officer' });
    expect(res.body).not.toContain('passwordHash');
    const c = res.cookies.find((x) => x.name === 'wc_session')!;
    expect(c).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/console', maxAge: 12 * 3600 });
    expect(c.secure).toBeFalsy();
    const me = await h.server.inject({ method: 'GET', url: '/console/api/me', headers: { cookie: `wc_session=${c.value}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().staff.login).toBe('wang');
  });

  it('refuses a wrong password or unknown login with 401 and no cookie', async () => {
    for (const payload of [{ login: 'wang', password: 'wrong horse' }, { login: 'nobody', password: PASSWORD }]) {
      const res = await login(payload);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
      expect(res.cookies).toEqual([]);
    }
  });

  it('limits attempts per address and per login, then lets them in again after the window', async () => {
    for (let i = 0; i < 3; i++) expect((await login({ login: 'wang', password: 'wrong horse' })).statusCode).toBe(401);
    const limited = await login({ login: 'wang', password: PASSWORD });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('60');
    // Another address trying the same login is limited too (per login) ...
    expect((await login({ login: 'wang', password: PASSWORD }, '10.0.0.2')).statusCode).toBe(429);
    // ... and the first address is limited for other logins (per address).
    expect((await login({ login: 'li', password: PASSWORD })).statusCode).toBe(429);
    h.clock.now += 60_000;
    expect((await login({ login: 'wang', password: PASSWORD })).statusCode).toBe(200);
  });

  it('answers 401 without a session, with a wrong one, and once it expired or was logged out', async () => {
    const urls = ['/console/api/me', '/console/api/tickets', '/console/api/summary', '/console/api/tickets/20261125-0001'];
    for (const url of urls) {
      expect((await h.server.inject({ method: 'GET', url })).statusCode).toBe(401);
      expect((await h.server.inject({ method: 'GET', url, headers: { cookie: 'wc_session=' + 'A'.repeat(43) } })).statusCode).toBe(401);
    }
    const post = await h.server.inject({ method: 'POST', url: '/console/api/tickets/20261125-0001/actions', payload: { type: 'accept' } });
    expect(post.statusCode).toBe(401);
    const cookie = await h.login('wang');
    expect((await h.server.inject({ method: 'GET', url: '/console/api/me', headers: { cookie } })).statusCode).toBe(200);
    h.clock.now += 12 * 3600_000;
    expect((await h.server.inject({ method: 'GET', url: '/console/api/me', headers: { cookie } })).statusCode).toBe(401);
    const again = await h.login('wang');
    const out = await h.server.inject({ method: 'POST', url: '/console/api/logout', headers: { cookie: again } });
    expect(out.statusCode).toBe(204);
    expect((await h.server.inject({ method: 'GET', url: '/console/api/me', headers: { cookie: again } })).statusCode).toBe(401);
  });

  it('redirects pages to the login page without a session, and serves them with one', async () => {
    const res = await h.server.inject({ method: 'GET', url: '/console/tickets/20261125-0001' });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/console/login?next=%2Fconsole%2Ftickets%2F20261125-0001');
    const loginPage = await h.server.inject({ method: 'GET', url: '/console/login' });
    expect(loginPage.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(loginPage.body).toContain('登录办件工作台');
    expect(loginPage.body).not.toMatch(/https?:\/\//);
    const cookie = await h.login('wang');
    const list = await h.server.inject({ method: 'GET', url: '/console', headers: { cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('wang姓名');
    expect(list.headers['content-security-policy']).toContain("script-src 'self'");
    const summary = await h.server.inject({ method: 'GET', url: '/console/summary', headers: { cookie } });
    expect(summary.statusCode).toBe(200);
    expect(summary.body).toContain('满意率');
    const script = await h.server.inject({ method: 'GET', url: '/console/static/summary.js' });
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await h.server.inject({ method: 'GET', url: '/console/static/..%2Fapi.ts' })).statusCode).toBe(404);
  });

  it('refuses a form-encoded or text body on the API (no cross-site form posts)', async () => {
    const res = await h.server.inject({
      method: 'POST',
      url: '/console/api/login',
      headers: { 'content-type': 'text/plain' },
      payload: JSON.stringify({ login: 'wang', password: PASSWORD }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.cookies).toEqual([]);
  });
});
