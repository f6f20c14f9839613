import { describe, expect, it } from 'vitest';
import type { InboundContent, InboundMessage } from '../../src/channels/types.js';
import { parseOfficeCommand } from '../../src/offices/commands.js';

const msg = (content: InboundContent): InboundMessage => ({ channel: 'wechat', chatId: 'room:x', chatType: 'group', userId: 'u', messageId: 'm', at: 0, content });
const text = (t: string) => parseOfficeCommand(msg({ kind: 'text', text: t }));
const N = '20261129-0007';

describe('office commands', () => {
  it('reads the typed commands of the issue', () => {
    expect(text(`接单 ${N}`)).toEqual({ kind: 'accept', number: N });
    expect(text(`办结 ${N} 已清理`)).toEqual({ kind: 'resolve', number: N, note: '已清理' });
    expect(text(`办结 ${N}`)).toEqual({ kind: 'resolve', number: N });
    expect(text(`转办 ${N} 城管执法局 属于占道经营 请处理`)).toEqual({ kind: 'transfer', number: N, unit: '城管执法局', reason: '属于占道经营 请处理' });
    expect(text(`退回 ${N} 重复 同一问题`)).toEqual({ kind: 'reject', number: N, reasonKind: 'duplicate', note: '同一问题' });
    expect(text(`退回 ${N} 非本单位 归市场监管`)).toEqual({ kind: 'reject', number: N, reasonKind: 'not_ours', note: '归市场监管' });
    expect(text(`退回 ${N} 这个不归我们管`)).toEqual({ kind: 'reject', number: N, note: '这个不归我们管' });
    expect(text(`回复 ${N} 明早处理`)).toEqual({ kind: 'reply', number: N, text: '明早处理' });
  });

  it('takes full-width spaces, a verb touching the number, and slash commands', () => {
    expect(text(`接单　${N}`)).toEqual({ kind: 'accept', number: N });
    expect(text(`接单${N}`)).toEqual({ kind: 'accept', number: N });
    expect(parseOfficeCommand(msg({ kind: 'command', command: 'bind', args: 'abcd-2345' }))).toEqual({ kind: 'bind', code: 'abcd-2345' });
    expect(text('/bind@weicheng_bot ABCD2345')).toEqual({ kind: 'bind', code: 'ABCD2345' });
    expect(text('绑定 ABCD2345')).toEqual({ kind: 'bind', code: 'ABCD2345' });
    expect(text('取消')).toEqual({ kind: 'cancel' });
  });

  it('reads card and step buttons, and refuses malformed ones', () => {
    const b = (data: string) => parseOfficeCommand(msg({ kind: 'button', data }));
    expect(b(`t:accept:${N}`)).toEqual({ kind: 'accept', number: N });
    expect(b(`t:to:${N}:huanwei`)).toEqual({ kind: 'transfer', number: N, unit: 'huanwei' });
    expect(b(`t:rk:${N}:invalid`)).toEqual({ kind: 'reject', number: N, reasonKind: 'invalid' });
    expect(b(`t:rk:${N}:whatever`)).toBeUndefined();
    expect(b('t:accept:not-a-number')).toBeUndefined();
    expect(b(`rate:satisfied:${N}`)).toBeUndefined();
  });

  it('leaves chatter alone and answers a bare verb with its format', () => {
    expect(text('接单了吗')).toBeUndefined();
    expect(text('大家辛苦了')).toBeUndefined();
    expect(text('reply to me please')).toBeUndefined();
    expect(text('接单')).toEqual({ kind: 'usage', verb: 'accept' });
    expect(text('办结 2026')).toEqual({ kind: 'usage', verb: 'resolve' });
    expect(text('绑定')).toBeUndefined();
  });
});
