import { describe, expect, it } from 'vitest';
import { abbreviationsOf, joinSoundalikes, units } from '../../src/faq/analyze.js';
import { createFaqEngine } from '../../src/faq/index.js';
import type { FaqEntry } from '../../src/pack/schema.js';
import { looseSoundKey, soundKey } from '../../src/text/pinyin.js';
import { EXTRA_ENGLISH_BRIDGE } from '../../src/text/english-bridge-extra.js';
import { MORE_ENGLISH_BRIDGE } from '../../src/text/english-bridge-more.js';
import { DAILY_ENGLISH_BRIDGE } from '../../src/text/english-bridge-daily.js';
import { SCAFFOLDING_ENGLISH_BRIDGE } from '../../src/text/english-bridge-scaffolding.js';
import { CORE_ENGLISH_BRIDGE } from '../../src/text/english-bridge-core.js';
import { ENGLISH_BRIDGE } from '../../src/text/synonyms.js';
import { STOP_WORDS } from '../../src/faq/stopwords.js';

/**
 * Ways a resident's word meets an entry's different word: a near-synonym, an abbreviation, a
 * homophone or typed pinyin. Each case checks the word-level link and then that a question using
 * it finds its entry among entries on other topics.
 */
const entry = (id: string, question: string, answer: string, variants: string[] = []): FaqEntry => ({
  id,
  question,
  variants,
  answer,
  tags: [],
});

const ENTRIES = [
  entry('bait', '小区投放的灭鼠药对孩子安全吗？', '毒饵站里的药人接触不到，请看好孩子。'),
  entry('toilet', '公共厕所在哪里？', '县城共有公共厕所二十座，地图见公众号。'),
  entry('unsub', '怎么退订推送消息？', '回复“退订”即可。'),
  entry('cert', '从业人员要做身体检查吗？', '要，每年一次。'),
  entry('what', '创卫是什么？', '创卫是创建国家卫生县城的简称。'),
  entry('noise', '夜间施工噪音扰民找谁？', '拨打12345反映，城管会到场。'),
];

describe('word matching beyond the same word', () => {
  const engine = createFaqEngine(ENTRIES);
  const top = (text: string): string | undefined => engine.answer(text).top?.id;

  it('reads a near-synonym from the lexicon ("碰" for 接触, "舔" for 吃)', () => {
    expect(units('小孩碰了会怎样')[0]?.near.length).toBeGreaterThan(0);
    const near = units('碰')[0]?.near ?? [];
    expect(units('接触')[0]?.near.some((g) => near.includes(g))).toBe(true);
    expect(top('毒饵站的药小孩碰了有危险吗')).toBe('bait');
  });

  it('meets an abbreviation with the full form either way round', () => {
    expect(abbreviationsOf(units('身体 检查'))).toContain('体检');
    expect(top('服务员每年都要体检吗')).toBe('cert');
    const spelled = createFaqEngine([entry('hep', '甲肝病人能在后厨上班吗？', '不能。'), ENTRIES[1] as FaqEntry]);
    expect(spelled.answer('得了甲型肝炎还能在后厨上班吗').top?.id).toBe('hep');
  });

  it('repairs a homophone typo, also of an everyday synonym ("公侧" for 公厕, "退定" for 退订)', () => {
    expect(soundKey('公侧')).toBe(soundKey('公厕'));
    expect(top('公侧在哪')).toBe('toilet');
    expect(top('怎么退定')).toBe('unsub');
  });

  it('hears a typo by the sounds residents confuse (zh/z, sh/s, n/l, -ng/-n): "投述" for 投诉', () => {
    expect(soundKey('投述')).not.toBe(soundKey('投诉'));
    expect(looseSoundKey('投述')).toBe(looseSoundKey('投诉'));
    expect(looseSoundKey('牛奶')).toBe(looseSoundKey('流奶'));
    const complaints = createFaqEngine([entry('complain', '饭店卫生差怎么投诉？', '拨打12315。'), ...ENTRIES]);
    expect(complaints.answer('餐馆卫生差怎么投述').top?.id).toBe('complain');
  });

  it('joins a typo jieba cut into single characters when it sounds like a known word', () => {
    const cut = units('附近有公侧吗');
    expect(cut.map((u) => u.term)).toEqual(['附近', '公', '侧']);
    expect(joinSoundalikes(cut, () => false).map((u) => u.term)).toEqual(['附近', '公侧']);
    // Two characters that sound like nothing known stay apart.
    expect(joinSoundalikes(units('狗 咬'), () => false)).toHaveLength(2);
    expect(top('附近有公侧吗，急')).toBe('toilet');
  });

  it('keeps a rewritten word whole: glue repair never re-cuts it with its neighbours', () => {
    // "知道是我" is rewritten to 个人信息; "他会" before it must not take its first character.
    expect(units('投诉邻居他会知道是我吗').map((u) => u.term)).toEqual(['反映', '邻居', '个人信息']);
  });

  it('rewrites colloquial phrases to the word an entry would use ("没动静" -> 进度)', () => {
    expect(units('报的事一直没动静').map((u) => u.term)).toContain('进度');
    expect(units('楼上往下扔东西').map((u) => u.term)).toEqual(expect.arrayContaining(['高空', '抛物']));
  });

  it('cuts a rare adjective-plus-得 to the adjective ("脏得" -> 脏), not a common word with 得 (觉得)', () => {
    expect(units('厕所脏得下不去脚').map((u) => u.term)).toContain('脏');
    expect(units('臭得要命').map((u) => u.term)).toContain('臭');
    expect(units('我觉得不行').map((u) => u.term)).toContain('觉得');
  });

  it('reads typed pinyin ("chuangwei") but not ordinary English words as pinyin', () => {
    expect(soundKey('chuangwei')).toBe('chuangwei');
    expect(soundKey('garbage')).toBeUndefined();
    expect(top('what is chuangwei')).toBe('what');
  });

  it('weighs lightly what became of a thing before it was thrown away ("喝完的", "用过的")', () => {
    const weight = (text: string, term: string): number => units(text).find((u) => u.term === term)?.weight ?? 0;
    expect(weight('喝完的啤酒瓶扔哪', '喝完')).toBeLessThan(weight('我喝完了', '喝完') / 2);
    expect(weight('喝完的啤酒瓶扔哪', '啤酒瓶')).toBe(weight('啤酒瓶扔哪', '啤酒瓶'));
    expect(weight('用过的针头咋扔', '用过')).toBeLessThan(weight('针头用过了', '用过') / 2);
    // jieba cuts "啃完" into verb and ending: both go light.
    const cut = units('啃完的骨头');
    expect(cut.map((u) => u.term)).toContain('啃');
    expect(weight('啃完的骨头', '啃')).toBeLessThan(weight('啃', '啃') / 2);
  });

  it('does not let an unknown English word outweigh the Chinese it comes with', () => {
    const [w] = units('blorpish');
    expect(w?.weight).toBeLessThan(units('噪音')[0]?.weight ?? 0);
  });

  it('bridges general English words, and the extra table neither repeats the base one nor holds stop words', () => {
    for (const key of Object.keys(EXTRA_ENGLISH_BRIDGE)) {
      expect(ENGLISH_BRIDGE[key], key).toBeUndefined();
      expect(STOP_WORDS.has(key), key).toBe(false);
    }
    const daily = { ...DAILY_ENGLISH_BRIDGE, ...SCAFFOLDING_ENGLISH_BRIDGE };
    expect(Object.keys(daily).length).toBe(Object.keys(DAILY_ENGLISH_BRIDGE).length + Object.keys(SCAFFOLDING_ENGLISH_BRIDGE).length);
    for (const key of [...Object.keys(MORE_ENGLISH_BRIDGE), ...Object.keys(daily)]) {
      expect(ENGLISH_BRIDGE[key] ?? EXTRA_ENGLISH_BRIDGE[key], key).toBeUndefined();
      expect(STOP_WORDS.has(key), key).toBe(false);
    }
    for (const key of Object.keys(daily)) expect(MORE_ENGLISH_BRIDGE[key], key).toBeUndefined();
    for (const key of Object.keys(CORE_ENGLISH_BRIDGE)) {
      const before = ENGLISH_BRIDGE[key] ?? EXTRA_ENGLISH_BRIDGE[key] ?? MORE_ENGLISH_BRIDGE[key] ?? daily[key];
      expect(before, key).toBeUndefined();
      expect(STOP_WORDS.has(key), key).toBe(false);
    }
    expect(units('the property management company').map((u) => u.term)).toEqual(expect.arrayContaining(['物业', '公司']));
    expect(units('can I get my well water tested').map((u) => u.term)).toContain('检测');
    expect(units('a car is blocking the fire lane').map((u) => u.term)).toEqual(expect.arrayContaining(['堵塞', '消防', '通道']));
    expect(units('can I buy live chickens').map((u) => u.term)).toContain('活禽');
  });
});

describe('words that share characters but no word', () => {
  const engine = createFaqEngine([
    entry('fumes', '饭店油烟扰民怎么办？', '请拍照反映，城管会督促安装净化设备。'),
    entry('toilet', '公共厕所在哪里？', '县城共有公共厕所二十座。'),
    entry('noise', '夜间施工噪音扰民找谁？', '拨打12345反映。'),
    entry('clutter', '楼道里堆放杂物怎么办？', '物业会清理。'),
  ]);

  it('meets an entry through the characters of a compound it does not hold ("烟管" and 油烟)', () => {
    expect(engine.answer('楼下排烟管正对着我家窗户').top?.id).toBe('fumes');
  });
});
