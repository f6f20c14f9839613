/**
 * End to end through the whole product: a resident on the web chat reports a garbage pile with a
 * location and a photo over the page's HTTP API, follows the bot's questions, and gets a ticket
 * number; the ticket in the database is checked against the demo pack.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Button } from '../../../src/channels/types.js';
import { nextMove, TICKET_NUMBER, type BotTurn } from './follow-bot.js';
import { multipart, pngImage } from './helpers.js';
import { expectGarbageTicket, garbageCategory, reportPlace, startProduct, type Product } from './product.js';

let product: Product | undefined;
afterEach(async () => {
  await product?.close();
  product = undefined;
});

interface Row {
  id: number;
  direction: 'in' | 'out';
  payload: { kind: string; text?: string; buttons?: Button[][]; requestLocation?: boolean };
}

function resident(p: Product, cookie: string) {
  const server = p.app.server;
  let after = 0;
  return {
    async post(body: Record<string, unknown>) {
      const res = await server.inject({ method: 'POST', url: '/chat/api/messages', headers: { cookie }, payload: body });
      expect(res.statusCode, res.body).toBe(202);
    },
    async photo(data: Buffer) {
      const { body, contentType } = multipart({ name: 'pile.png', type: 'image/png', data });
      const res = await server.inject({
        method: 'POST',
        url: `/chat/api/photos?clientId=${randomUUID()}`,
        headers: { cookie, 'content-type': contentType },
        payload: body,
      });
      expect(res.statusCode, res.body).toBe(202);
    },
    /** What the bot said since the last call, once the outbox has delivered everything. */
    async turn(): Promise<{ turn: BotTurn; rows: Row[] }> {
      await p.app.dispatcher.drain();
      const res = await server.inject({ method: 'GET', url: `/chat/api/messages?after=${after}`, headers: { cookie } });
      const rows = res.json().messages as Row[];
      if (rows.length) after = rows[rows.length - 1]!.id;
      const outs = rows.filter((r) => r.direction === 'out');
      return {
        rows,
        turn: {
          texts: outs.map((r) => r.payload.text ?? ''),
          buttons: outs.flatMap((r) => (r.payload.buttons ?? []).flat()),
          requestLocation: outs.some((r) => r.payload.requestLocation === true),
        },
      };
    },
  };
}

describe('web chat end to end (HTTP API)', () => {
  it('a resident reports a garbage pile with a location and a photo and gets a ticket number; a retried confirmation files nothing twice', async () => {
    product = await startProduct();
    const { app } = product;
    const pack = app.services.pack();
    const category = garbageCategory(pack);
    const place = reportPlace(pack, category);
    const photo = pngImage(96, 72);

    const page = await app.server.inject({ method: 'GET', url: '/chat' });
    expect(page.body).toContain(pack.city.name);
    const cookie = `wc_sid=${page.cookies.find((c) => c.name === 'wc_sid')!.value}`;
    const r = resident(product, cookie);

    await r.post({ clientId: randomUUID(), text: '这里的垃圾堆了好几天没人清运，苍蝇乱飞，味道很大' });
    const sent = { location: false, photo: false };
    let lastButton: Record<string, unknown> | undefined;
    let ticketNumber: string | undefined;
    const transcript: string[] = [];
    for (let step = 0; step < 15 && !ticketNumber; step++) {
      const { turn } = await r.turn();
      transcript.push(...turn.texts.map((t) => `bot: ${t}`));
      const move = nextMove(turn, sent, category.name);
      transcript.push(`resident: ${JSON.stringify(move)}`);
      if (move.kind === 'done') ticketNumber = move.ticketNumber;
      else if (move.kind === 'location') {
        sent.location = true;
        await r.post({ clientId: randomUUID(), location: { lat: place.lat, lon: place.lon } });
      } else if (move.kind === 'photo') {
        sent.photo = true;
        await r.photo(photo);
      } else if (move.kind === 'button') {
        lastButton = { clientId: randomUUID(), button: move.button.data, label: move.button.label };
        await r.post(lastButton);
      } else throw new Error(`${move.why}\n${transcript.join('\n')}`);
    }
    expect(ticketNumber, transcript.join('\n')).toMatch(TICKET_NUMBER);
    expect(sent, transcript.join('\n')).toEqual({ location: true, photo: true });
    await expectGarbageTicket(product, ticketNumber!, place, photo);

    // The confirmation POST again, as a phone on a flaky network would: nothing new happens.
    const resident1 = (await app.tickets.byNumber(ticketNumber!))!.residentId!;
    await r.post(lastButton!);
    const { rows } = await r.turn();
    expect(rows).toEqual([]);
    expect(await app.tickets.forResident(resident1)).toHaveLength(1);
  }, 90_000);
});
