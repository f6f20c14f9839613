/**
 * How the end-to-end tests play a resident reporting a garbage pile: they read what the bot said
 * last and answer it the way a person would (the flows' wording is theirs to change), so the
 * tests check the channel, not one version of the script.
 */
import type { Button } from '../../../src/channels/types.js';

export interface BotTurn {
  texts: string[];
  buttons: Button[];
  requestLocation: boolean;
}

export type ResidentMove =
  | { kind: 'done'; ticketNumber: string }
  | { kind: 'location' }
  | { kind: 'photo' }
  | { kind: 'button'; button: Button }
  | { kind: 'stuck'; why: string };

export const TICKET_NUMBER = /\b(\d{8}-\d{4})\b/;

/** Picks the resident's next move; `sent` says what they have already given. */
export function nextMove(turn: BotTurn, sent: { location: boolean; photo: boolean }, categoryName: string): ResidentMove {
  const text = turn.texts.join('\n');
  const number = TICKET_NUMBER.exec(text);
  if (number && /受理|工单|ticket/i.test(text)) return { kind: 'done', ticketNumber: number[1]! };
  const find = (re: RegExp) => turn.buttons.find((b) => re.test(b.label));
  if (!sent.location && (turn.requestLocation || /位置|地点|定位|location/i.test(text))) return { kind: 'location' };
  if (!sent.photo && /照片|图片|拍|photo/i.test(text)) return { kind: 'photo' };
  const pick =
    turn.buttons.find((b) => b.label.includes(categoryName)) ??
    find(/确认|提交|是的|正确|没错|对的|confirm|submit|yes/i) ??
    find(/完成|下一步|继续|跳过|不用|没有了|done|next|skip/i);
  if (pick) return { kind: 'button', button: pick };
  return { kind: 'stuck', why: `no move for: ${JSON.stringify(turn)}` };
}
