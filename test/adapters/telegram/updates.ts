/**
 * Builders for Bot API updates as Telegram sends them (field names and shapes of Bot API 7).
 * Ids are arbitrary; the fake assigns update_id when a builder leaves it out.
 */
export interface Who {
  /** The chat; negative ids are groups. Default the user's own id (a private chat). */
  chatId?: number;
  userId?: number;
  lang?: string;
  updateId?: number;
}

let messageSeq = 500;

function from(w: Who) {
  return { id: w.userId ?? 7001, is_bot: false, first_name: 'Resident', ...(w.lang !== undefined ? { language_code: w.lang } : { language_code: 'zh-hans' }) };
}

function chat(w: Who) {
  const id = w.chatId ?? w.userId ?? 7001;
  return id < 0 ? { id, type: 'supergroup', title: 'Office' } : { id, type: 'private', first_name: 'Resident' };
}

function withId(w: Who, body: Record<string, unknown>): Record<string, unknown> {
  return w.updateId === undefined ? body : { update_id: w.updateId, ...body };
}

export function messageUpdate(w: Who, content: Record<string, unknown>): Record<string, unknown> {
  return withId(w, {
    message: { message_id: ++messageSeq, date: Math.floor(Date.now() / 1000), chat: chat(w), from: from(w), ...content },
  });
}

export const textUpdate = (text: string, w: Who = {}) => messageUpdate(w, { text });

export function photoUpdate(fileId: string, w: Who = {}, caption?: string) {
  const sizes = [
    { file_id: `${fileId}-small`, file_unique_id: 'ps', width: 90, height: 67, file_size: 900 },
    { file_id: fileId, file_unique_id: 'pl', width: 1280, height: 960, file_size: 90_000 },
  ];
  return messageUpdate(w, { photo: sizes, ...(caption ? { caption } : {}) });
}

export const locationUpdate = (lat: number, lon: number, w: Who = {}) => messageUpdate(w, { location: { latitude: lat, longitude: lon } });

export function callbackUpdate(data: string, w: Who = {}, queryId = `cq-${++messageSeq}`) {
  return withId(w, {
    callback_query: {
      id: queryId,
      from: from(w),
      chat_instance: 'ci-1',
      data,
      message: { message_id: ++messageSeq, date: Math.floor(Date.now() / 1000), chat: chat(w), text: 'a question with buttons' },
    },
  });
}
