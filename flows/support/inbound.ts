/**
 * Reading a resident's message: its text, a command (a platform command or text starting with
 * "/"), a button press, and loose matching of short words (全角, case, trailing punctuation).
 */
import type { Ctx } from './types.js';

/** The message's text, or a photo's caption. */
export function textOf(ctx: Ctx): string | undefined {
  const c = ctx.msg.content;
  if (c.kind === 'text') return c.text;
  if (c.kind === 'photo') return c.caption;
  return undefined;
}

/** Text folded for word matching: NFKC, trimmed, lower case, no trailing punctuation. */
export function fold(text: string): string {
  const t = text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
  // A message that is only punctuation ("?") keeps it.
  return t.replace(/[\s。.!！~～?？,，、;；]+$/u, '') || t;
}

/** The folded text of a text message; undefined for anything else. */
export function word(ctx: Ctx): string | undefined {
  return ctx.msg.content.kind === 'text' ? fold(ctx.msg.content.text) : undefined;
}

export function isWord(ctx: Ctx, words: readonly string[]): boolean {
  const w = word(ctx);
  return w !== undefined && words.includes(w);
}

/** A command without its slash, lower case, with its arguments. */
export function commandOf(ctx: Ctx): { command: string; args: string } | undefined {
  const c = ctx.msg.content;
  if (c.kind === 'command') return { command: c.command.replace(/^\//, '').replace(/@.*$/, '').toLowerCase(), args: c.args.trim() };
  if (c.kind === 'text') {
    const m = /^\s*[/／]([a-z_]+)(?:@\S+)?(?:\s+([\s\S]*))?$/i.exec(c.text.normalize('NFKC'));
    if (m) return { command: (m[1] ?? '').toLowerCase(), args: (m[2] ?? '').trim() };
  }
  return undefined;
}

export function isCommand(ctx: Ctx, names: readonly string[]): boolean {
  const c = commandOf(ctx);
  return c !== undefined && names.includes(c.command);
}

export function buttonOf(ctx: Ctx): string | undefined {
  return ctx.msg.content.kind === 'button' ? ctx.msg.content.data : undefined;
}

/** Words that mean "no more / skip / done" at an optional step. */
export const SKIP_WORDS = ['跳过', '完成', '好了', '没有', '没了', '不用', '不用了', '不需要', '就这样', '算了吧', 'skip', 'done', 'no', 'none', 'finish'];

/** Words that confirm. */
export const YES_WORDS = ['确认', '确认提交', '提交', '是', '是的', '对', '对的', '好', '好的', '可以', '没问题', 'ok', 'yes', 'y', 'submit', 'confirm'];
