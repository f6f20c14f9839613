/**
 * Language: /lang (choose, or /lang en), "English", "中文". The switch is kept for the resident;
 * the current step is asked again in the new language.
 */
import type { Language } from '../src/i18n/index.js';
import { buttonOf, commandOf, isWord } from './support/inbound.js';
import type { ChatFlow, Ctx, FlowKit } from './support/types.js';

export const LANGUAGE_FLOW = 'language';

function requested(ctx: Ctx): Language | 'ask' | undefined {
  const data = buttonOf(ctx);
  if (data === 'lang:zh-CN') return 'zh-CN';
  if (data === 'lang:en') return 'en';
  const cmd = commandOf(ctx);
  if (cmd?.command === 'lang' || cmd?.command === 'language') {
    const a = cmd.args.toLowerCase();
    if (a.startsWith('en')) return 'en';
    if (a.startsWith('zh') || a.startsWith('cn') || a.includes('中')) return 'zh-CN';
    return 'ask';
  }
  if (isWord(ctx, ['english', '英文', '英语'])) return 'en';
  if (isWord(ctx, ['中文', 'chinese', '汉语', '简体中文'])) return 'zh-CN';
  if (isWord(ctx, ['语言', 'language'])) return 'ask';
  return undefined;
}

export function createLanguageFlow(kit: FlowKit): ChatFlow {
  return {
    name: LANGUAGE_FLOW,
    interrupts: (ctx) => requested(ctx) !== undefined,
    async begin(ctx) {
      kit.keep(ctx);
      const lang = requested(ctx);
      if (lang === 'ask' || lang === undefined) {
        ctx.say(ctx.t.languageSwitch.choose, {
          buttons: [[{ label: '中文', data: 'lang:zh-CN' }, { label: 'English', data: 'lang:en' }]],
        });
      } else {
        await ctx.setLanguage(lang);
        ctx.say(ctx.t.languageSwitch.switched);
      }
      await kit.finish(ctx);
    },
    handle: (ctx) => kit.finish(ctx, { redispatch: true }),
  };
}
