/**
 * What every HTML page the product serves shares: no inline script or style and nothing from
 * other hosts (the pages work offline on a county LAN), the usual hardening headers, and escaping.
 */
import type { FastifyReply } from 'fastify';

export const PAGE_CSP = [
  "default-src 'self'",
  "img-src 'self' blob: data:",
  "style-src 'self'",
  "script-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Headers for anything a page loads: no type sniffing, no framing, no referrer to other sites. */
export function hardened(reply: FastifyReply): FastifyReply {
  return reply.header('x-content-type-options', 'nosniff').header('referrer-policy', 'same-origin').header('x-frame-options', 'DENY');
}

/** Sends an HTML page with the CSP and hardening headers; pages are never cached. */
export function sendPage(reply: FastifyReply, html: string): FastifyReply {
  return hardened(reply).header('content-security-policy', PAGE_CSP).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
}
