/**
 * The report flow: description and/or photo -> category (settled when the router is sure, chosen
 * from buttons when not) -> location (pin, typed address or skip) -> more photos -> summary ->
 * submit. Submitting files the ticket inside this message's transaction; the ticket service
 * queues the receipt (number, unit, deadlines) itself.
 */
import type { Button } from '../src/channels/types.js';
import { AppError } from '../src/errors.js';
import type { TicketState } from '../src/store/ports.js';
import {
  CONFIDENT,
  MAX_PHOTOS,
  addPhoto,
  appendText,
  areaName,
  categoryButton,
  categoryFromButton,
  categoryName,
  draftArea,
  draftOf,
  rows,
  setAddress,
  setText,
  summaryText,
  ticketText,
  type Draft,
} from './report-draft.js';
import { SKIP_WORDS, YES_WORDS, buttonOf, commandOf, isCommand, isWord, textOf } from './support/inbound.js';
import { MENU } from './support/menu.js';
import type { ChatFlow, Ctx, FlowKit } from './support/types.js';
import { MAX_REPORT_TEXT } from '../src/tickets/create.js';

export const REPORT_FLOW = 'report';

/** Typed answers to the duplicate offer. */
const FOLLOW_WORDS = ['关注', '关注该工单', '是', '是的', '好', '好的', 'follow', 'yes'];
const SUBMIT_WORDS = ['仍然提交', '提交', '继续提交', '不用', '不', 'submit', 'submit anyway', 'no'];

/** What a report may start with. */
export interface ReportSeed {
  text?: string;
  photo?: { path: string; mime: string };
  location?: { lat: number; lon: number; crs: 'wgs84' | 'gcj02' };
}

type Lead = string[];

const btn = (label: string, data: string): Button => ({ label, data });

function ask(ctx: Ctx, lead: Lead, text: string, buttons?: Button[][], requestLocation = false): void {
  ctx.say([...lead, text].join('\n'), {
    ...(buttons?.length ? { buttons } : {}),
    ...(requestLocation ? { requestLocation: true } : {}),
  });
}

/** Takes a pin if it is in the city; otherwise says so and returns false. */
function takeLocation(ctx: Ctx, d: Draft, lead: Lead): boolean {
  const c = ctx.msg.content;
  if (c.kind !== 'location') return false;
  if (!ctx.services.isNearCity(c.lat, c.lon, c.crs)) {
    lead.push(ctx.t.report.farAway({ city: ctx.services.pack().city.name }));
    return false;
  }
  d.location = { lat: c.lat, lon: c.lon, crs: c.crs };
  delete d.address;
  d.locationDone = true;
  const area = areaName(ctx, draftArea(ctx, d));
  lead.push(area ? ctx.t.report.locationNoted({ area }) : ctx.t.report.locationNotedPlain);
  return true;
}

function takePhoto(ctx: Ctx, d: Draft, lead: Lead): boolean {
  if (!ctx.photo) return false;
  if (!addPhoto(d, ctx.photo)) lead.push(ctx.t.report.photoLimit({ max: MAX_PHOTOS }));
  return true;
}

function takeText(ctx: Ctx, d: Draft, text: string, lead: Lead, append = false): void {
  const cut = append ? appendText(d, text) : setText(d, text);
  if (cut) lead.push(ctx.t.report.truncated({ max: MAX_REPORT_TEXT }));
}

/** Asks for whatever the draft still lacks, in order; the summary when nothing is missing. */
function advance(ctx: Ctx, lead: Lead): void {
  const d = draftOf(ctx);
  const r = ctx.t.report;
  const conv = ctx.conversation;
  if (!d.text && !d.textSkipped) {
    conv.step = 'describe';
    if (d.photos.length > 0) return ask(ctx, lead, r.describeAfterPhoto, [[btn(r.buttons.skip, 'rep:skip')]]);
    return ask(ctx, lead, d.location ? r.describeAfterLocation : r.describe);
  }
  if (d.category === undefined) {
    const routed = ctx.services.router.route({ text: d.text, lat: d.location?.lat, lon: d.location?.lon, crs: d.location?.crs });
    if (routed.category && routed.confidence >= CONFIDENT) {
      d.category = routed.category;
      lead.push(r.categoryConfident({ name: categoryName(ctx, routed.category) }));
    } else {
      return askCategory(ctx, lead, routed.alternatives.filter((a) => a.score > 0.5).map((a) => a.category));
    }
  }
  if (!d.locationDone) {
    conv.step = 'location';
    const area = areaName(ctx, draftArea(ctx, d));
    return ask(ctx, lead, area ? r.askLocationArea({ area }) : r.askLocation, [[btn(r.buttons.skip, 'rep:skip'), btn(r.buttons.change, 'rep:change')]], true);
  }
  if (!d.photosDone) {
    conv.step = 'photos';
    const text = d.photos.length ? r.askMorePhotos({ count: d.photos.length, max: MAX_PHOTOS }) : r.askPhotos({ max: MAX_PHOTOS });
    return ask(ctx, lead, text, [[d.photos.length ? btn(r.buttons.done, 'rep:done') : btn(r.buttons.skip, 'rep:skip')]]);
  }
  conv.step = 'summary';
  ask(ctx, lead, summaryText(ctx, d), [
    [btn(r.buttons.confirm, 'rep:ok')],
    [btn(r.buttons.edit, 'rep:edit'), btn(r.buttons.cancel, 'rep:cancel')],
  ]);
}

/** The draft plus the duplicate check's state (kept in the same conversation data). */
type DupDraft = Draft & {
  /** The check ran for this draft (it runs once, again after the category or place changes). */
  dupChecked?: boolean;
  /** The earlier open ticket offered to the resident. */
  duplicate?: { id: number; number: string; state: TicketState; createdAt: number };
};

function complete(d: Draft): boolean {
  return Boolean(d.text || d.textSkipped) && d.category !== undefined && Boolean(d.locationDone) && Boolean(d.photosDone);
}

function askDuplicate(ctx: Ctx, lead: Lead): void {
  const dup = (draftOf(ctx) as DupDraft).duplicate;
  if (!dup) return advance(ctx, lead);
  const b = ctx.t.duplicate.buttons;
  ctx.conversation.step = 'duplicate';
  ask(
    ctx,
    lead,
    ctx.t.duplicate.offer({ number: dup.number, state: ctx.t.ticket.states[dup.state], when: ctx.services.formatTime(ctx.lang, dup.createdAt) }),
    [[btn(b.follow, 'rep:follow'), btn(b.submit, 'rep:new')], [btn(ctx.t.report.buttons.cancel, 'rep:cancel')]],
  );
}

/**
 * `advance`, but once the draft is complete and before the summary, looks for an earlier open
 * ticket about the same problem and offers to follow it instead.
 */
async function proceed(ctx: Ctx, lead: Lead): Promise<void> {
  const d = draftOf(ctx) as DupDraft;
  if (complete(d) && !d.dupChecked) {
    d.dupChecked = true;
    const dup = await ctx.services.tickets.findDuplicate({
      categoryId: d.category ?? null,
      areaId: draftArea(ctx, d),
      text: ticketText(ctx, d),
      ...(d.location ? { location: d.location } : {}),
      residentId: ctx.resident.id,
    });
    if (dup) {
      d.duplicate = { id: dup.id, number: dup.number, state: dup.state, createdAt: dup.createdAt };
      return askDuplicate(ctx, lead);
    }
  }
  advance(ctx, lead);
}

async function answerDuplicate(ctx: Ctx, kit: FlowKit, follow: boolean): Promise<void> {
  const d = draftOf(ctx) as DupDraft;
  const dup = d.duplicate;
  delete d.duplicate;
  if (follow && dup) {
    try {
      await ctx.services.tickets.follow(dup.id, ctx.resident.id);
      ctx.say(ctx.t.duplicate.followed({ number: dup.number }));
      return kit.finish(ctx, { reprompt: false });
    } catch (err) {
      // Closed in the meantime: file the report after all.
      if (!(err instanceof AppError)) throw err;
    }
  }
  advance(ctx, []);
}

/** The category question: the router's best guesses plus "other", or every category. */
function askCategory(ctx: Ctx, lead: Lead, guesses: string[], prompt?: string): void {
  const r = ctx.t.report;
  const cats = ctx.services.pack().categories.map((c) => c.id);
  const top = guesses.filter((g) => cats.includes(g)).slice(0, 3);
  ctx.conversation.step = 'category';
  ctx.conversation.data['guesses'] = top;
  if (top.length === 0) {
    return ask(ctx, lead, prompt ?? r.categoryAskAll, [...rows(cats.map((id) => categoryButton(ctx, id))), [btn(r.buttons.none, 'rep:cat-none')]]);
  }
  ask(ctx, lead, prompt ?? r.categoryAsk, [...top.map((id) => [categoryButton(ctx, id)]), [btn(r.buttons.other, 'rep:cat-all')]]);
}

/** Starts a report from what the resident gave so far. */
export function startReport(ctx: Ctx, seed: ReportSeed, lead: Lead = []): void {
  Object.assign(ctx.conversation, { flow: REPORT_FLOW, step: null, data: {} });
  const d = draftOf(ctx);
  if (seed.text?.trim()) takeText(ctx, d, seed.text, lead);
  if (seed.photo) addPhoto(d, seed.photo);
  if (seed.location) {
    d.location = seed.location;
    d.locationDone = true;
  }
  advance(ctx, lead);
}

async function submit(ctx: Ctx, kit: FlowKit): Promise<void> {
  const d = draftOf(ctx);
  await ctx.services.tickets.file({
    // The receipt is written in the language the resident talks in now.
    resident: { ...ctx.resident, language: ctx.lang },
    text: ticketText(ctx, d),
    ...(d.location ? { location: d.location } : {}),
    photos: d.photos,
    categoryId: d.category ?? null,
    kind: 'report',
  });
  await kit.finish(ctx, { reprompt: false });
}

/** Where `rep:edit:*` sends the resident: clears that part and asks for it again. */
function edit(ctx: Ctx, what: string, lead: Lead): void {
  const d = draftOf(ctx);
  if (what === 'text') {
    d.text = '';
    delete d.textSkipped;
    delete d.category;
  } else if (what === 'category') {
    delete (d as DupDraft).dupChecked;
    return askCategory(ctx, lead, []);
  } else if (what === 'location') {
    delete (d as DupDraft).dupChecked;
    delete d.location;
    delete d.address;
    delete d.locationDone;
  } else if (what === 'photos') {
    d.photos = [];
    delete d.photosDone;
  }
  advance(ctx, lead);
}

async function handleStep(ctx: Ctx, kit: FlowKit): Promise<void> {
  const d = draftOf(ctx);
  const r = ctx.t.report;
  const lead: Lead = [];
  const data = buttonOf(ctx);
  const text = ctx.msg.content.kind === 'text' ? ctx.msg.content.text : undefined;
  const step = ctx.conversation.step;

  // Buttons that mean the same in every step.
  if (data === 'rep:cancel') {
    ctx.say(r.cancelled);
    return kit.finish(ctx, { reprompt: false });
  }
  if (data === 'rep:change') return askCategory(ctx, lead, []);
  if (data === 'rep:cat-all') return askCategory(ctx, lead, []);
  if (data === 'rep:cat-none' || (data && categoryFromButton(ctx, data))) {
    d.category = data === 'rep:cat-none' ? null : (categoryFromButton(ctx, data) ?? null);
    lead.push(r.categoryChosen({ name: categoryName(ctx, d.category) }));
    return proceed(ctx, lead);
  }
  if (data?.startsWith('rep:edit:')) return edit(ctx, data.slice('rep:edit:'.length), lead);

  // Photos and pins are welcome at any step.
  if (takePhoto(ctx, d, lead)) {
    const caption = textOf(ctx)?.trim();
    if (caption) takeText(ctx, d, caption, lead, Boolean(d.text));
    if (step === 'photos') {
      ctx.conversation.step = 'photos';
      return ask(ctx, lead, r.photoReceived({ count: d.photos.length }), [[btn(r.buttons.done, 'rep:done')]]);
    }
    if (step === 'location') lead.push(r.photoForLocation);
    return proceed(ctx, lead);
  }
  if (ctx.msg.content.kind === 'location') {
    takeLocation(ctx, d, lead);
    return proceed(ctx, lead);
  }

  switch (step) {
    case 'describe':
      if (data === 'rep:skip' && d.photos.length > 0) d.textSkipped = true;
      else if (text?.trim()) takeText(ctx, d, text, lead);
      return proceed(ctx, lead);
    case 'category': {
      if (text?.trim()) {
        // A typed answer: a category's name, or words the router is sure about.
        const typed = text.trim();
        const byName = ctx.services.pack().categories.find((c) => c.name === typed || c.id === typed);
        const routed = ctx.services.router.route({ text: typed });
        const id = byName?.id ?? (routed.category && routed.confidence >= CONFIDENT ? routed.category : undefined);
        if (id) {
          d.category = id;
          lead.push(r.categoryChosen({ name: categoryName(ctx, id) }));
          return proceed(ctx, lead);
        }
      }
      const guesses = ctx.conversation.data['guesses'];
      return askCategory(ctx, lead, Array.isArray(guesses) ? (guesses as string[]) : [], r.categoryPick);
    }
    case 'location':
      if (data === 'rep:skip' || isWord(ctx, SKIP_WORDS)) d.locationDone = true;
      else if (text?.trim()) {
        setAddress(d, text);
        const area = areaName(ctx, draftArea(ctx, d));
        lead.push(area ? r.addressNoted({ area }) : r.addressNotedPlain);
      }
      return proceed(ctx, lead);
    case 'photos':
      if (data === 'rep:done' || data === 'rep:skip' || isWord(ctx, SKIP_WORDS)) d.photosDone = true;
      else if (text?.trim()) {
        takeText(ctx, d, text, lead, true);
        lead.push(r.textAdded);
      }
      return proceed(ctx, lead);
    case 'duplicate':
      if (data === 'rep:follow' || isWord(ctx, FOLLOW_WORDS)) return answerDuplicate(ctx, kit, true);
      if (data === 'rep:new' || isWord(ctx, SUBMIT_WORDS)) return answerDuplicate(ctx, kit, false);
      return askDuplicate(ctx, lead);
    case 'summary':
      if (data === 'rep:ok' || isWord(ctx, YES_WORDS)) return submit(ctx, kit);
      if (data === 'rep:edit' || isWord(ctx, ['修改', '改', 'edit', 'change'])) return askEdit(ctx);
      if (text?.trim()) {
        takeText(ctx, d, text, lead, true);
        lead.push(r.textAdded);
      }
      return proceed(ctx, lead);
    case 'edit':
    default:
      if (step === 'edit') return askEdit(ctx);
      return proceed(ctx, lead);
  }
}

function askEdit(ctx: Ctx): void {
  const b = ctx.t.report.buttons;
  ctx.conversation.step = 'edit';
  ask(ctx, [], ctx.t.report.editWhat, [
    [btn(b.editText, 'rep:edit:text'), btn(b.editCategory, 'rep:edit:category')],
    [btn(b.editLocation, 'rep:edit:location'), btn(b.editPhotos, 'rep:edit:photos')],
    [btn(b.cancel, 'rep:cancel')],
  ]);
}

export function createReportFlow(kit: FlowKit): ChatFlow {
  return {
    name: REPORT_FLOW,
    interrupts: (ctx) => buttonOf(ctx) === MENU.report || isCommand(ctx, ['report']),
    async begin(ctx) {
      const c = ctx.msg.content;
      const cmd = commandOf(ctx);
      const near = c.kind === 'location' && ctx.services.isNearCity(c.lat, c.lon, c.crs);
      startReport(
        ctx,
        {
          text: cmd ? cmd.args : textOf(ctx),
          ...(ctx.photo ? { photo: ctx.photo } : {}),
          ...(c.kind === 'location' && near ? { location: { lat: c.lat, lon: c.lon, crs: c.crs } } : {}),
        },
        c.kind === 'location' && !near ? [ctx.t.report.farAway({ city: ctx.services.pack().city.name })] : [],
      );
    },
    handle: (ctx) => handleStep(ctx, kit),
    reprompt(ctx) {
      if (ctx.conversation.step === 'edit') return askEdit(ctx);
      if (ctx.conversation.step === 'duplicate') return askDuplicate(ctx, [ctx.t.resume.report]);
      const guesses = ctx.conversation.data['guesses'];
      if (ctx.conversation.step === 'category') return askCategory(ctx, [ctx.t.resume.report], Array.isArray(guesses) ? (guesses as string[]) : []);
      advance(ctx, [ctx.t.resume.report]);
    },
  };
}
