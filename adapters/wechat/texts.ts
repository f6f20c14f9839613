/**
 * The few words the WeChat adapter adds itself, because WeChat lacks buttons and a location
 * button. Outbound messages carry no language, so the adapter follows the message's own text:
 * Chinese when it contains Chinese characters (or is empty), English otherwise.
 */
import { messages } from '../../src/i18n/index.js';

export interface WechatTexts {
  /** Heads the numbered list that stands in for buttons. */
  chooseByNumber: string;
  /** Tells the resident how to share a location, since WeChat has no location button. */
  shareLocation: string;
}

export function textsFor(text: string): WechatTexts {
  const t = messages(text.trim() === '' || /\p{Script=Han}/u.test(text) ? 'zh-CN' : 'en').channels;
  return { chooseByNumber: t.chooseByNumber, shareLocation: t.wechatShareLocation };
}
