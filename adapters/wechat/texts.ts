/**
 * The few words the WeChat adapter adds itself, because WeChat lacks buttons and a location
 * button. Outbound messages carry no language, so the adapter follows the message's own text:
 * Chinese when it contains Chinese characters (or is empty), English otherwise.
 */
export interface WechatTexts {
  /** Heads the numbered list that stands in for buttons. */
  chooseByNumber: string;
  /** Tells the resident how to share a location, since WeChat has no location button. */
  shareLocation: string;
}

const zhCN: WechatTexts = {
  chooseByNumber: '回复数字选择：',
  shareLocation: '发送位置：点输入框右侧的“+”，选“位置”，再点“发送”。',
};

const en: WechatTexts = {
  chooseByNumber: 'Reply with a number:',
  shareLocation: 'To send your location: tap "+" next to the input box, choose "Location", then "Send".',
};

export function textsFor(text: string): WechatTexts {
  if (text.trim() === '' || /[\u3400-\u9fff]/.test(text)) return zhCN;
  return en;
}
