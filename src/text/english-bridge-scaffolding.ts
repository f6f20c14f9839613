/**
 * The mechanics of the English bridge rather than its vocabulary (see english-bridge-more.ts for the
 * conventions): scaffolding words the English stop list lacks, mapped to Chinese scaffolding the FAQ
 * stop list drops, so that they do not stay as unknown English tokens that count against a match;
 * and words keyed only so that the stem fallback of bridgeEnglish() does not read them as another key.
 * Written for this project as original work.
 */
export const SCAFFOLDING_ENGLISH_BRIDGE: Readonly<Record<string, string>> = {
  // --- scaffolding the English stop list lacks, mapped to Chinese scaffolding ---
  // Order and position words, mapped to the Chinese scaffolding they translate.
  one: '一', first: '一', once: '一', twice: '次', times: '次', last: '上', next: '下', over: '上', above: '上',
  upon: '上', onto: '上', under: '下', below: '下', bottom: '下', off: '下', down: '下',
  // "away" and "back" are mostly parts of phrases keyed above ("throw away", "came back").
  away: '去', back: '再', because: '为', coz: '为', cos: '为', cuz: '为', since: '从', through: '从',
  until: '到', till: '到', across: '到', during: '时候', while: '时候', sometimes: '时候',
  occasionally: '时候', whenever: '时候', anytime: '时候', though: '还是', although: '还是', however: '还是',
  anyway: '还是', instead: '还是', tho: '还是', whether: '是否', via: '用', per: '一', without: '没有',
  never: '没有', nothing: '没有', nope: '没有', nah: '没有', within: '内', inside: '里', outside: '外',
  between: '中', among: '中', toward: '向', against: '对', along: '往', even: '也',
  either: '也', neither: '也', nor: '也', ever: '过', else: '还', besides: '还', btw: '还', yet: '还',
  another: '又', each: '都', every: '都', everything: '都', everyone: '大家', everybody: '大家',
  anyone: '有人', anybody: '有人', somebody: '有人', anything: '东西', whatever: '什么', wherever: '哪里',
  such: '这种', own: '自己', myself: '自己', yourself: '自己', himself: '自己', herself: '自己',
  itself: '自己', ourselves: '自己', themselves: '自己', him: '他', his: '他', her: '她',
  unless: '的话', otherwise: '的话', therefore: '就', thus: '就', hence: '就',
  actually: '其实', basically: '其实', exactly: '到底', probably: '可能', perhaps: '可能', possibly: '可能',
  possible: '可能', seriously: '严重', totally: '根本', completely: '根本', absolutely: '根本',
  quite: '比较', rather: '比较', pretty: '挺', extremely: '特别', super: '非常', especially: '特别',
  constantly: '一直', repeatedly: '一直', frequently: '经常', immediately: '马上', asap: '尽快',
  quickly: '尽快', quick: '尽快', fast: '尽快', currently: '目前', nowadays: '现在', finally: '已经',
  right: '对', correct: '对', sure: '可以', alright: '好', 'all right': '好', yeah: '是', yep: '是', yup: '是',
  "i've": '我', "i'd": '我', "i'll": '我', ive: '我', "you're": '你', youre: '你', "you'll": '你',
  "we're": '我们', "we've": '我们', "they're": '他们', theyre: '他们', "they've": '他们', "he's": '他',
  "she's": '她', "here's": '这里', "where's": '哪里', "how's": '怎么',
  "aren't": '不是', arent: '不是', "wasn't": '不是', wasnt: '不是', "weren't": '不是', isnt: '不是',
  "haven't": '没有', havent: '没有', "hasn't": '没有', "hadn't": '没有', doesnt: '不', didnt: '没有',
  "couldn't": '不能', couldnt: '不能', "shouldn't": '不要', "wouldn't": '不会', ur: '你',
  oh: '哦', um: '嗯', hmm: '嗯', uh: '嗯', haha: '哈', lol: '哈', wow: '哇', ah: '啊', hey: '你好',
  dear: '您好', sir: '您好', madam: '您好', greeting: '您好', 'good morning': '你好',
  'good afternoon': '你好', 'good evening': '你好', thx: '谢谢', appreciate: '谢谢',
  grateful: '谢谢', bye: '谢谢', goodbye: '谢谢', plz: '麻烦', kindly: '麻烦',

  // --- words keyed so that the stem fallback of bridgeEnglish() does not read them as another key ---
  // "a bite" would reach "a bit" (一点), "fell" (past of "fall", as "fallen") would reach "felled",
  // "past" would reach "paste", "land" "landing", "sharp" "sharps", "age" "ageing", "blast"
  // "blasting" (noise), "quit" "quite", "pooling" "pool", and the short day names "wedding" and "fried".
  'a bite': '咬', fell: '倒', past: '过', land: '土地', sharp: '尖锐', age: '年龄', blast: '爆炸',
  quit: '取消', 'quit smoking': '戒烟', pooling: '积水', pooled: '积水', mon: '工作日', tue: '工作日',
  wed: '工作日', thu: '工作日', fri: '工作日',
};
