/**
 * What an office chat message asks for: a card button (`t:accept:<number>` ...), a step button
 * (`t:to:<number>:<unit>`, `t:rk:<number>:<kind>`), or a typed command such as
 * "接单 20261129-0007", "办结 20261129-0007 已清理", "转办 <number> <unit> <reason>",
 * "退回 <number> <重复|非本单位|无效> <note>", "回复 <number> <text>", "绑定 CODE" or "/bind CODE".
 * Pure parsing: no storage, no permissions.
 */
import type { InboundMessage } from '../channels/types.js';
import { REJECT_REASON_KINDS, type RejectReasonKind } from '../tickets/state-machine.js';

export type OfficeVerb = 'accept' | 'resolve' | 'transfer' | 'reject' | 'reply';

export type OfficeCommand =
  | { kind: 'bind'; code: string }
  | { kind: 'cancel' }
  | { kind: 'accept'; number: string }
  | { kind: 'resolve'; number: string; note?: string }
  /** unit: as typed (an id or a name) or, from a step button, a unit id or `#index`. */
  | { kind: 'transfer'; number: string; unit?: string; reason?: string }
  | { kind: 'reject'; number: string; reasonKind?: RejectReasonKind; note?: string }
  | { kind: 'reply'; number: string; text?: string }
  /** A verb without a ticket number: answer with the command's format. */
  | { kind: 'usage'; verb: OfficeVerb };

const VERBS: Record<string, OfficeVerb | 'bind'> = {
  接单: 'accept',
  受理: 'accept',
  accept: 'accept',
  办结: 'resolve',
  resolve: 'resolve',
  转办: 'transfer',
  transfer: 'transfer',
  退回: 'reject',
  reject: 'reject',
  回复: 'reply',
  reply: 'reply',
  绑定: 'bind',
  bind: 'bind',
};

const CANCEL_WORDS = ['取消', 'cancel', '/cancel'];

/** Ticket numbers as the product prints them: YYYYMMDD-NNNN. */
export const TICKET_NUMBER = /^\d{8}-\d{4,6}$/;

const REJECT_WORDS: Record<string, RejectReasonKind> = {
  重复: 'duplicate',
  重复反映: 'duplicate',
  duplicate: 'duplicate',
  非本单位: 'not_ours',
  不属于本单位: 'not_ours',
  not_ours: 'not_ours',
  'not-ours': 'not_ours',
  无效: 'invalid',
  信息无效: 'invalid',
  invalid: 'invalid',
};

export function rejectKindOf(word: string): RejectReasonKind | undefined {
  return REJECT_WORDS[word.toLowerCase()];
}

/** The message's text (a photo's caption counts), or a command written back as text. */
export function officeText(msg: InboundMessage): string | undefined {
  const c = msg.content;
  if (c.kind === 'text') return c.text;
  if (c.kind === 'photo') return c.caption;
  if (c.kind === 'command') return `/${c.command}${c.args ? ` ${c.args}` : ''}`;
  return undefined;
}

function fromButton(data: string): OfficeCommand | undefined {
  const parts = data.split(':');
  if (parts[0] !== 't' || parts.length < 3) return undefined;
  const [, action, number, extra] = parts as [string, string, string, string | undefined];
  if (!TICKET_NUMBER.test(number)) return undefined;
  switch (action) {
    case 'accept':
      return { kind: 'accept', number };
    case 'resolve':
      return { kind: 'resolve', number };
    case 'transfer':
      return { kind: 'transfer', number };
    case 'reject':
      return { kind: 'reject', number };
    case 'to':
      return extra ? { kind: 'transfer', number, unit: extra } : undefined;
    case 'rk': {
      const kind = (REJECT_REASON_KINDS as readonly string[]).includes(extra ?? '') ? (extra as RejectReasonKind) : undefined;
      return kind ? { kind: 'reject', number, reasonKind: kind } : undefined;
    }
    default:
      return undefined;
  }
}

/** Splits off the first whitespace-separated word. */
function head(s: string): [string, string] {
  const m = /^(\S+)\s*([\s\S]*)$/.exec(s.trim());
  return m ? [m[1] ?? '', (m[2] ?? '').trim()] : ['', ''];
}

/** The office command in the message, if it is one; anything else (chatter) is undefined. */
export function parseOfficeCommand(msg: InboundMessage): OfficeCommand | undefined {
  if (msg.content.kind === 'button') return fromButton(msg.content.data);
  const raw = officeText(msg);
  if (raw === undefined) return undefined;
  const text = raw.normalize('NFKC').trim();
  if (CANCEL_WORDS.includes(text.toLowerCase())) return { kind: 'cancel' };
  // "/accept@bot 2026..." and "接单 2026..." alike; Chinese verbs may touch the number ("接单20261129-0007").
  const m = /^[/]?([a-z]+|[\u4e00-\u9fff]{2})(?:@\S+)?(?:\s*([\s\S]*))?$/i.exec(text);
  if (!m) return undefined;
  const verb = VERBS[(m[1] ?? '').toLowerCase()];
  if (!verb) return undefined;
  const rest = (m[2] ?? '').trim();
  if (verb === 'bind') return rest ? { kind: 'bind', code: rest } : undefined;
  const [number, args] = head(rest);
  if (!TICKET_NUMBER.test(number)) {
    // "接单了" and the like are chatter; only a bare verb or a verb before a wrong number gets the format.
    return rest === '' || /^\d/.test(rest) ? { kind: 'usage', verb } : undefined;
  }
  switch (verb) {
    case 'accept':
      return { kind: 'accept', number };
    case 'resolve':
      return args ? { kind: 'resolve', number, note: args } : { kind: 'resolve', number };
    case 'reply':
      return args ? { kind: 'reply', number, text: args } : { kind: 'reply', number };
    case 'transfer': {
      const [unit, reason] = head(args);
      return { kind: 'transfer', number, ...(unit ? { unit } : {}), ...(reason ? { reason } : {}) };
    }
    case 'reject': {
      const [word, note] = head(args);
      const reasonKind = word ? rejectKindOf(word) : undefined;
      if (!reasonKind) return { kind: 'reject', number, ...(args ? { note: args } : {}) };
      return { kind: 'reject', number, reasonKind, ...(note ? { note } : {}) };
    }
  }
}
