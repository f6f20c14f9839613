/**
 * The one label the adapter itself shows: the "share my location" keyboard button. An outbound
 * message carries no language, so the language of its own text decides.
 */
import { messages, type Language } from '../../src/i18n/index.js';

export function shareLocationLabel(text: string): string {
  const lang: Language = /\p{Script=Han}/u.test(text) ? 'zh-CN' : 'en';
  return messages(lang).channels.shareLocation;
}
