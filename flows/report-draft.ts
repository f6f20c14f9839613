/**
 * A report being written: what the resident has given so far (kept in the conversation's data,
 * plain JSON) and how it reads back in the summary and in the ticket.
 */
import type { Button, Crs } from '../src/channels/types.js';
import { messages } from '../src/i18n/index.js';
import { MAX_REPORT_TEXT } from '../src/tickets/create.js';
import type { Ctx } from './support/types.js';

/** Most photos one report keeps. */
export const MAX_PHOTOS = 6;
/** Longest typed address kept. */
const MAX_ADDRESS = 200;
/** Router confidence from which the suggested category is shown as settled (with a "change" button). */
export const CONFIDENT = 0.7;

export interface Draft {
  text: string;
  /** The resident chose to go on with photos only. */
  textSkipped?: boolean;
  photos: { path: string; mime: string }[];
  location?: { lat: number; lon: number; crs: Crs };
  address?: string;
  /** Chosen category; null: none fits; absent: not chosen yet. */
  category?: string | null;
  locationDone?: boolean;
  photosDone?: boolean;
}

export function draftOf(ctx: Ctx): Draft {
  const d = ctx.conversation.data;
  d['photos'] ??= [];
  d['text'] ??= '';
  return d as unknown as Draft;
}

/** Sets the description; returns true when it had to be cut. */
export function setText(d: Draft, text: string): boolean {
  const t = text.trim();
  d.text = t.slice(0, MAX_REPORT_TEXT);
  return t.length > MAX_REPORT_TEXT;
}

/** Adds to the description (a later remark); returns true when it had to be cut. */
export function appendText(d: Draft, text: string): boolean {
  return setText(d, d.text ? `${d.text}\n${text.trim()}` : text);
}

export function setAddress(d: Draft, text: string): void {
  d.address = text.trim().slice(0, MAX_ADDRESS);
  d.locationDone = true;
}

/** Adds a photo; false when the draft is full. */
export function addPhoto(d: Draft, photo: { path: string; mime: string }): boolean {
  if (d.photos.length >= MAX_PHOTOS) return false;
  if (!d.photos.some((p) => p.path === photo.path)) d.photos.push({ path: photo.path, mime: photo.mime });
  return true;
}

/**
 * The ticket's text: the description and the typed address (which also lets the router find the
 * area), in the city's language, since offices read it.
 */
export function ticketText(ctx: Ctx, d: Draft): string {
  const line = messages(ctx.services.pack().city.locale).report.addressLine;
  return [d.text, d.address ? line({ address: d.address }) : ''].filter(Boolean).join('\n');
}

export function categoryName(ctx: Ctx, id: string | null | undefined): string {
  if (!id) return ctx.t.report.categoryNone;
  return ctx.services.pack().categories.find((c) => c.id === id)?.name ?? id;
}

export function areaName(ctx: Ctx, id: string | null | undefined): string | undefined {
  return id ? ctx.services.pack().areas.find((a) => a.id === id)?.name : undefined;
}

/** The area of the draft as the router sees it (pin first, else names in the text and address). */
export function draftArea(ctx: Ctx, d: Draft): string | null {
  const loc = d.location;
  return ctx.services.router.route({ text: ticketText(ctx, d), lat: loc?.lat, lon: loc?.lon, crs: loc?.crs }).area;
}

/** Button data for a category; an id too long for 64 bytes goes by its index in the pack. */
export function categoryButton(ctx: Ctx, id: string): Button {
  const pack = ctx.services.pack();
  const data = `rep:cat:${id}`;
  return {
    label: categoryName(ctx, id),
    data: Buffer.byteLength(data) <= 64 ? data : `rep:ci:${pack.categories.findIndex((c) => c.id === id)}`,
  };
}

/** The category a `rep:cat:` / `rep:ci:` button names, if it is still in the pack. */
export function categoryFromButton(ctx: Ctx, data: string): string | undefined {
  const cats = ctx.services.pack().categories;
  if (data.startsWith('rep:cat:')) {
    const id = data.slice('rep:cat:'.length);
    return cats.some((c) => c.id === id) ? id : undefined;
  }
  if (data.startsWith('rep:ci:')) return cats[Number(data.slice('rep:ci:'.length))]?.id;
  return undefined;
}

/** Two buttons a row. */
export function rows(buttons: Button[], perRow = 2): Button[][] {
  const out: Button[][] = [];
  for (let i = 0; i < buttons.length; i += perRow) out.push(buttons.slice(i, i + perRow));
  return out;
}

export function summaryText(ctx: Ctx, d: Draft): string {
  const r = ctx.t.report;
  const area = areaName(ctx, draftArea(ctx, d));
  // Without a pin or an address, a place named in the description still routes the ticket.
  let place = area ?? r.placeNone;
  if (d.location) place = area ? r.placePin({ area }) : r.placePinPlain;
  if (d.address) place = area && !d.address.includes(area) ? r.placeAddress({ address: d.address, area }) : d.address;
  return r.summary({
    category: categoryName(ctx, d.category),
    place,
    text: d.text || r.noText,
    photos: d.photos.length,
  });
}
