/**
 * Files the staff download (survey results, the console's per-unit summary): the headers that make
 * a browser save the response under a sensible name rather than show it.
 */
import type { FastifyReply } from 'fastify';
import { hardened } from './html.js';

/**
 * `attachment; filename="…"`. A name with non-ASCII characters also gets `filename*` (RFC 5987)
 * with the real name, the plain `filename` then being an ASCII stand-in for old clients.
 */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  if (ascii === filename) return `attachment; filename="${ascii}"`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * Sends a CSV document (see csv.ts) as a download. Never cached: these are a county's working
 * figures behind a staff session, and a shared office PC should not keep a copy in its cache.
 */
export function sendCsv(reply: FastifyReply, filename: string, csv: string): FastifyReply {
  return hardened(reply)
    .header('cache-control', 'private, no-store')
    .header('content-disposition', attachment(filename))
    .type('text/csv; charset=utf-8')
    .send(csv);
}
