/**
 * End to end through the whole product: a resident on the web chat reports a garbage pile with a
 * location and a photo over the page's HTTP API, follows the bot's questions, and gets a ticket
 * number; the ticket in the database is checked against the demo pack.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { expectGarbageTicket, startProduct, type Product } from './product.js';
import { reportOverApi } from './report-over-api.js';

let product: Product | undefined;
afterEach(async () => {
  await product?.close();
  product = undefined;
});

describe('web chat end to end (HTTP API)', () => {
  it('a resident reports a garbage pile with a location and a photo and gets a ticket number; a retried confirmation files nothing twice', async () => {
    product = await startProduct();
    const { ticketNumber, place, photo, r, lastButton } = await reportOverApi(product);
    const { app } = product;
    await expectGarbageTicket(product, ticketNumber, place, photo);

    // The confirmation POST again, as a phone on a flaky network would: nothing new happens.
    const resident1 = (await app.tickets.byNumber(ticketNumber))!.residentId!;
    await r.post(lastButton);
    const { rows } = await r.turn();
    expect(rows).toEqual([]);
    expect(await app.tickets.forResident(resident1)).toHaveLength(1);
  }, 90_000);
});
