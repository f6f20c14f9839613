import { en } from './en.js';
import { zhCN, type Messages } from './zh-CN.js';

export type { Messages };
export type Language = 'zh-CN' | 'en';

const catalogues: Record<Language, Messages> = { 'zh-CN': zhCN, en };

export function messages(lang: string | null | undefined): Messages {
  return catalogues[normalizeLanguage(lang)];
}

/** Maps a platform language code (zh-hans, zh-CN, en-US, ...) to a catalogue; Chinese by default. */
export function normalizeLanguage(code: string | null | undefined, fallback: Language = 'zh-CN'): Language {
  if (!code) return fallback;
  const c = code.toLowerCase();
  if (c.startsWith('zh')) return 'zh-CN';
  if (c.startsWith('en')) return 'en';
  return fallback;
}

/** Formats an instant in the city's timezone with the catalogue's date pattern. */
export function formatDateTime(lang: string | null | undefined, ms: number, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday ?? 'Sun');
  return messages(lang).dateTime({
    month: Number(parts.month),
    day: Number(parts.day),
    hh: parts.hour ?? '00',
    mm: parts.minute ?? '00',
    weekday,
  });
}
