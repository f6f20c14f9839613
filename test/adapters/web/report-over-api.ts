/**
 * A resident on the web chat page's HTTP API, and the garbage report the end-to-end tests play
 * through it (reading the bot's turns and answering as a person would, see follow-bot.ts).
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Button } from '../../../src/channels/types.js';
import { nextMove, TICKET_NUMBER, type BotTurn } from './follow-bot.js';
import { multipart, pngImage } from './helpers.js';
import { garbageCategory, reportPlace, type Product } from './product.js';

interface Row {
  id: number;
  direction: 'in' | 'out';
  payload: { kind: string; text?: string; buttons?: Button[][]; requestLocation?: boolean };
}

export function webResident(p: Product, cookie: string) {
  const server = p.app.server;
  let after = 0;
  return {
    /** The session cookie: the same resident on another page load. */
    cookie,
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

export interface ApiReport {
  ticketNumber: string;
  place: ReturnType<typeof reportPlace>;
  photo: Buffer;
  /** The resident on the page, for more turns. */
  r: ReturnType<typeof webResident>;
  /** The last button the resident pressed (the report's confirmation). */
  lastButton: Record<string, unknown>;
}

/** A resident opens /chat and reports a garbage pile with a location and a photo until the bot gives a ticket number. */
export async function reportOverApi(product: Product): Promise<ApiReport> {
  const { app } = product;
  const pack = app.services.pack();
  const category = garbageCategory(pack);
  const place = reportPlace(pack, category);
  const photo = pngImage(96, 72);

  const page = await app.server.inject({ method: 'GET', url: '/chat' });
  expect(page.body).toContain(pack.city.name);
  const cookie = `wc_sid=${page.cookies.find((c) => c.name === 'wc_sid')!.value}`;
  const r = webResident(product, cookie);

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
  return { ticketNumber: ticketNumber!, place, photo, r, lastButton: lastButton! };
}
