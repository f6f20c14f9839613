/**
 * The whole product for the end-to-end tests (createWeicheng over a fresh SQLite file and media
 * directory, the demo pack); what a garbage report should become is in test/helpers/garbage-report.ts.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createWeicheng, type Weicheng } from '../../../src/main.js';
import { productConfig } from '../../helpers/product-config.js';
import { expectGarbageTicket as checkTicket, type reportPlace } from '../../helpers/garbage-report.js';

export interface Product {
  app: Weicheng;
  dir: string;
  close(): Promise<void>;
}

/** `env` adds or overrides variables, such as DATABASE_URL for a PostgreSQL database. */
export async function startProduct(env: Record<string, string> = {}): Promise<Product> {
  const { dir, config } = productConfig('weicheng-web-e2e-', env);
  const app = await createWeicheng(config, { outbox: { pollMs: 20 } });
  await app.start();
  return {
    app,
    dir,
    async close() {
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export { garbageCategory, reportPlace } from '../../helpers/garbage-report.js';

/** Checks the stored ticket against what the pack says a garbage report at `place` becomes. */
export async function expectGarbageTicket(product: Product, number: string, place: ReturnType<typeof reportPlace>, photo: Buffer): Promise<void> {
  const { app } = product;
  const ticket = await app.tickets.byNumber(number);
  expect(ticket, `ticket ${number}`).toBeDefined();
  checkTicket(app.services.pack(), ticket, await app.tickets.photos(ticket!.id), join(product.dir, 'media'), { channel: 'web', place, photo });
}
