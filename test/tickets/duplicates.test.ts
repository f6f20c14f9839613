import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { textSimilarity } from '../../src/tickets/duplicates.js';
import { ticketHarness, type TicketHarness } from '../helpers/tickets.js';

let h: TicketHarness;
beforeEach(async () => {
  h = await ticketHarness();
});
afterEach(async () => {
  await h.db.cleanup();
});

const FERRY = { lat: 30.03, lon: 120.03, crs: 'wgs84' as const };

describe('duplicate reports', () => {
  it('finds an open ticket of the same category within 100 m, not 300 m away, nor the resident’s own', async () => {
    const first = await h.tickets.file({ resident: await h.resident('telegram', '1'), text: '路口垃圾堆成山', location: FERRY });
    const me = await h.resident('telegram', '2');
    const near = { ...FERRY, lat: FERRY.lat + 0.0006 }; // ~67 m north
    const far = { ...FERRY, lat: FERRY.lat + 0.0027 }; // ~300 m north
    const q = { categoryId: 'litter', areaId: 'ferry', text: '完全不同的说法', residentId: me.id };
    expect((await h.tickets.findDuplicate({ ...q, location: near }))?.id).toBe(first.id);
    expect(await h.tickets.findDuplicate({ ...q, location: far })).toBeUndefined();
    expect(await h.tickets.findDuplicate({ ...q, location: near, categoryId: 'parking' })).toBeUndefined();
    expect(await h.tickets.findDuplicate({ ...q, location: near, residentId: first.residentId! })).toBeUndefined();
  });

  it('in the same area without a point, matches similar text only', async () => {
    const first = await h.tickets.file({ resident: await h.resident('telegram', '1'), text: '渡口社区门口垃圾堆了三天没人清运', location: FERRY });
    const base = { categoryId: 'litter', areaId: 'ferry', residentId: -1 };
    expect((await h.tickets.findDuplicate({ ...base, text: '渡口社区门口的垃圾堆好几天了，没人清运' }))?.id).toBe(first.id);
    expect(await h.tickets.findDuplicate({ ...base, text: '有人往河里倒建筑垃圾' })).toBeUndefined();
    expect(await h.tickets.findDuplicate({ ...base, areaId: null, text: '渡口社区门口垃圾堆了三天没人清运' })).toBeUndefined();
    expect(textSimilarity('垃圾堆了三天', '垃圾堆了三天')).toBe(1);
    expect(textSimilarity('垃圾', '噪音')).toBe(0);
  });

  it('ignores closed tickets and tickets older than 72 hours', async () => {
    const resident = await h.resident('telegram', '1');
    const old = await h.tickets.file({ resident, text: '路口垃圾堆成山', location: FERRY });
    const q = { categoryId: 'litter', areaId: 'ferry', text: '路口垃圾堆成山', location: FERRY, residentId: -1 };
    h.clock.now += 71 * 3600_000;
    expect((await h.tickets.findDuplicate(q))?.id).toBe(old.id);
    h.clock.now += 2 * 3600_000;
    expect(await h.tickets.findDuplicate(q)).toBeUndefined();
    const fresh = await h.tickets.file({ resident, text: '路口垃圾堆成山', location: FERRY });
    await h.tickets.act(fresh.id, { type: 'reject', reasonKind: 'invalid', note: '无' }, 'system');
    expect(await h.tickets.findDuplicate(q)).toBeUndefined();
  });
});
