import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Resident, Ticket } from '../../../src/store/ports.js';
import { makePng } from '../../helpers/test-image.js';
import { consoleHarness, type ConsoleHarness } from './helpers.js';

let h: ConsoleHarness;
let resident: Resident;
let litter: Ticket; // cleaners
let parking: Ticket; // police
let unrouted: Ticket; // hub (dispatcher), no category
let officer: string; // cleaners officer
let police: string; // police officer
let chief: string; // hub supervisor

beforeEach(async () => {
  h = await consoleHarness();
  resident = await h.resident('telegram', '987654321');
  const photo = await h.media.save(makePng(8, 8, 3), 'image/png');
  litter = await h.tickets.file({
    resident,
    text: '渡口社区门口垃圾堆了好几天没人清运',
    categoryId: 'litter',
    location: { lat: 30.03, lon: 120.03, crs: 'wgs84' },
    photos: [{ path: photo, mime: 'image/png' }],
  });
  parking = await h.tickets.file({ resident, text: '有辆车乱停车堵住消防通道' });
  unrouted = await h.tickets.file({ resident, text: '路灯坏了一个月', categoryId: null });
  await h.addStaff('wang', 'river-town');
  await h.addStaff('li', 'police');
  await h.addStaff('zhou', 'hub', 'supervisor');
  [officer, police, chief] = await Promise.all([h.login('wang'), h.login('li'), h.login('zhou')]);
});
afterEach(async () => {
  await h.close();
});

const get = (url: string, cookie: string) => h.server.inject({ method: 'GET', url, headers: { cookie } });
const act = (number: string, cookie: string, payload: object) =>
  h.server.inject({ method: 'POST', url: `/console/api/tickets/${number}/actions`, headers: { cookie }, payload });

describe('who sees what', () => {
  it('the fixture routes the tickets to three units', () => {
    expect([litter.unitId, parking.unitId, unrouted.unitId]).toEqual(['river-town', 'police', 'hub']);
    expect(unrouted.categoryId).toBeNull();
  });

  it("an officer lists only their unit's tickets and gets 403 asking for another unit", async () => {
    const mine = await get('/console/api/tickets', officer);
    expect(mine.json().tickets.map((t: { number: string }) => t.number)).toEqual([litter.number]);
    expect((await get('/console/api/tickets?unit=police', officer)).statusCode).toBe(403);
    expect((await get('/console/api/tickets', police)).json().tickets.map((t: { number: string }) => t.number)).toEqual([parking.number]);
  });

  it("an officer cannot read, see photos or the map of, or act on another unit's ticket (403)", async () => {
    expect((await get(`/console/api/tickets/${parking.number}`, officer)).statusCode).toBe(403);
    expect((await get(`/console/api/tickets/${parking.number}/map.svg`, officer)).statusCode).toBe(403);
    const photos = await h.tickets.photos(litter.id);
    expect((await get(`/console/api/tickets/${litter.number}/photos/${photos[0]!.id}`, police)).statusCode).toBe(403);
    for (const body of [{ type: 'accept' }, { type: 'resolve', note: '已处理' }, { type: 'reply', text: '收到' }]) {
      const res = await act(parking.number, officer, body);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    expect((await h.tickets.byId(parking.id))?.state).toBe('assigned');
    expect((await h.tickets.history(parking.id)).map((e) => e.type)).toEqual(['created', 'assigned']);
    expect((await get('/console/api/tickets/20991231-0001', officer)).statusCode).toBe(404);
  });

  it('a supervisor of the dispatcher sees every ticket and may filter by unit', async () => {
    const all = (await get('/console/api/tickets', chief)).json().tickets.map((t: { number: string }) => t.number);
    expect(all.sort()).toEqual([litter.number, parking.number, unrouted.number].sort());
    expect((await get('/console/api/tickets?unit=police', chief)).json().tickets).toHaveLength(1);
    expect((await get(`/console/api/tickets/${parking.number}`, chief)).statusCode).toBe(200);
  });

  it("shows the resident's pseudonym, never their platform id or address", async () => {
    const res = await get(`/console/api/tickets/${litter.number}`, officer);
    const body = res.json();
    expect(body.ticket.resident).toEqual({ pseudonym: resident.pseudonym, phone: null });
    expect(res.body).not.toContain('987654321');
    expect(res.body).not.toContain(resident.address);
    expect(body.events[0]).toMatchObject({ type: 'created', actor: resident.pseudonym, actorKind: 'resident' });
    const list = await get('/console/api/tickets', chief);
    expect(list.body).not.toContain('987654321');
    expect(list.body).not.toContain('residentId');
  });
});

describe('the ticket page API', () => {
  it('returns the ticket, its history, photos served with the session, the allowed actions and a map', async () => {
    const body = (await get(`/console/api/tickets/${litter.number}`, officer)).json();
    expect(body.ticket).toMatchObject({ number: litter.number, categoryName: '垃圾堆放', areaName: '渡口社区', unitName: '河口镇政府', overdue: false });
    expect(body.ticket.due).toEqual({ kind: 'ack', at: litter.ackDueAt });
    expect(body.actions).toEqual(['accept', 'transfer', 'resolve', 'reject', 'reply']);
    expect(body.photos).toHaveLength(1);
    const photo = await get(body.photos[0].url, officer);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(photo.rawPayload.equals(makePng(8, 8, 3))).toBe(true);
    expect((await h.server.inject({ method: 'GET', url: body.photos[0].url })).statusCode).toBe(401);

    const map = await get(`/console/api/tickets/${litter.number}/map.svg`, officer);
    expect(map.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(map.body).toContain('渡口社区');
    expect(map.body).toContain('class="ticket-point"');
    expect(map.body).toMatch(/data-area="ferry" fill="#cfe3ff"/);
  });

  it('filters by state, category (none = unrouted), area with its sub-areas, dates and overdue', async () => {
    const numbers = async (q: string) => (await get(`/console/api/tickets?${q}`, chief)).json().tickets.map((t: { number: string }) => t.number);
    expect(await numbers('category=none')).toEqual([unrouted.number]);
    expect(await numbers('category=parking')).toEqual([parking.number]);
    expect(await numbers('area=river')).toEqual([litter.number]);
    expect(await numbers('state=accepted')).toEqual([]);
    expect(await numbers('from=2026-11-25&to=2026-11-25')).toHaveLength(3);
    expect(await numbers('from=2026-11-26')).toEqual([]);
    expect(await numbers('overdue=1')).toEqual([]);
    h.clock.now = Date.parse('2026-11-25T18:00:00+08:00'); // past today's 17:30 acceptance deadline
    await h.tickets.act(parking.id, { type: 'accept' }, 'staff:2');
    expect((await numbers('overdue=1')).sort()).toEqual([litter.number, unrouted.number].sort());
    expect((await get(`/console/api/tickets?overdue=1&state=open`, officer)).json().tickets[0].overdue).toBe(true);
    expect((await get('/console/api/tickets?from=2026-02-30', chief)).statusCode).toBe(400);
  });
});

describe('actions', () => {
  const types = async (id: number) => (await h.tickets.history(id)).map((e) => [e.type, e.actor]);

  it('accept, reply, resolve with a photo: each writes an event by the staff member and tells the resident', async () => {
    const wang = (await h.staff.byLogin('wang'))!;
    const actor = `staff:${wang.id}`;
    let res = await act(litter.number, officer, { type: 'accept' });
    expect(res.statusCode).toBe(200);
    expect(res.json().ticket.state).toBe('accepted');
    expect((await act(litter.number, officer, { type: 'reply', text: '已安排人员今天下午清运' })).statusCode).toBe(200);
    const png = makePng(10, 10, 9);
    res = await act(litter.number, officer, { type: 'resolve', note: '已清运完毕', photo: `data:image/png;base64,${png.toString('base64')}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().ticket).toMatchObject({ state: 'resolved', due: null });
    expect(await types(litter.id)).toEqual([
      ['created', `resident:${resident.id}`],
      ['assigned', 'system'],
      ['accept', actor],
      ['reply', actor],
      ['resolve', actor],
    ]);
    const photos = await h.tickets.photos(litter.id);
    expect(photos.map((p) => p.source)).toEqual(['resident', 'office']);
    expect((await h.media.read(photos[1]!.path)).equals(png)).toBe(true);
    const page = (await get(`/console/api/tickets/${litter.number}`, officer)).json();
    expect(page.events.at(-1)).toMatchObject({ type: 'resolve', note: '已清运完毕', actor: 'wang姓名（河口镇政府）', actorKind: 'staff' });
    expect(page.actions).toEqual(['reopen', 'reply']);
    // The resident heard about each step (receipt, accept, reply, resolve text + photo).
    const texts: string[] = [];
    for (let id = 1; id < 100; id++) {
      const row = await h.db.store.outbox.byId(id);
      if (!row) break;
      if (row.address === resident.address && row.ticketId === litter.id && row.payload.kind === 'text') texts.push(row.payload.text);
    }
    expect(texts).toHaveLength(4);
    expect(texts[2]).toContain('已安排人员今天下午清运');
    expect(texts[3]).toContain('已清运完毕');
  });

  it('transfer with a reason hands the ticket over, after which the old unit gets 403', async () => {
    const res = await act(litter.number, officer, { type: 'transfer', toUnitId: 'cleaners', reason: '属县环卫站保洁范围' });
    expect(res.statusCode).toBe(200);
    expect(res.json().ticket).toMatchObject({ state: 'transferred', unitId: 'cleaners' });
    expect((await h.tickets.history(litter.id)).at(-1)).toMatchObject({ type: 'transfer', note: '属县环卫站保洁范围' });
    expect((await get(`/console/api/tickets/${litter.number}`, officer)).statusCode).toBe(403);
    const bad = await act(parking.number, police, { type: 'transfer', toUnitId: 'nowhere', reason: 'x' });
    expect(bad.statusCode).toBe(422);
    const missing = await act(parking.number, police, { type: 'transfer', toUnitId: 'cleaners' });
    expect(missing.statusCode).toBe(400);
  });

  it('reject with a reason kind and a note, then reopen', async () => {
    let res = await act(parking.number, police, { type: 'reject', reasonKind: 'not_ours', note: '该路段由城管负责' });
    expect(res.json().ticket).toMatchObject({ state: 'rejected', rejectReason: 'not_ours: 该路段由城管负责' });
    expect((await act(parking.number, police, { type: 'reject', reasonKind: 'bogus', note: 'x' })).statusCode).toBe(400);
    expect((await act(parking.number, police, { type: 'accept' })).statusCode).toBe(409);
    res = await act(parking.number, chief, { type: 'reopen', reason: '退回理由不成立，请办理' });
    expect(res.json().ticket.state).toBe('reopened');
    expect((await h.tickets.history(parking.id)).map((e) => e.type)).toEqual(['created', 'assigned', 'reject', 'reopen']);
  });

  it('dispatches an unrouted ticket: sets the category and transfers it to the unit the pack names', async () => {
    expect((await get(`/console/api/tickets/${unrouted.number}`, chief)).json().actions).toContain('dispatch');
    const res = await act(unrouted.number, chief, { type: 'dispatch', categoryId: 'litter' });
    expect(res.statusCode).toBe(200);
    expect(res.json().ticket).toMatchObject({ categoryId: 'litter', unitId: 'cleaners', state: 'transferred' });
    const events = await h.tickets.history(unrouted.id);
    expect(events.slice(-2).map((e) => [e.type, e.data?.['category'] ?? e.data?.['toUnitId']])).toEqual([
      ['categorize', 'litter'],
      ['transfer', 'cleaners'],
    ]);
    expect(events.at(-1)?.note).toBe('人工分派：垃圾堆放');
    // Once categorised it moves by transfer only.
    const again = await act(unrouted.number, chief, { type: 'dispatch', categoryId: 'parking' });
    expect(again.statusCode).toBe(409);
    expect((await get(`/console/api/tickets/${unrouted.number}`, chief)).json().actions).not.toContain('dispatch');
  });

  it('refuses a photo that is not an image', async () => {
    const res = await act(litter.number, officer, { type: 'resolve', note: '已处理', photo: Buffer.from('hello').toString('base64') });
    expect(res.statusCode).toBe(400);
    expect((await h.tickets.byId(litter.id))?.state).toBe('assigned');
  });
});
