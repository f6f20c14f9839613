/**
 * Everyday words residents use, mapped to the word notices and officials use, plus an
 * English-to-Chinese bridge for the same everyday vocabulary. Both the FAQ engine and the router
 * may rewrite a text with these before segmenting it, so that "耗子" meets "老鼠" and "rats"
 * meets "老鼠". Groups are general vocabulary of city hygiene, not phrasing of any one pack.
 */
import { normalize } from './segment.js';
import { stem } from './english.js';

/** canonical word -> everyday variants (a variant is replaced by its canonical word). */
export const GENERAL_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  // pests
  老鼠: ['耗子', '大耗子', '老耗子', '鼠子', '大老鼠', '小老鼠'],
  蟑螂: ['小强', '偷油婆', '甲由', '蟑蜋'],
  蚊子: ['蚊虫', '花蚊子', '花脚蚊'],
  苍蝇: ['蝇子', '绿头苍蝇', '绿头蝇'],
  灭鼠药: ['老鼠药', '耗子药', '毒鼠药', '鼠药'],
  // waste
  厨余垃圾: ['湿垃圾', '餐厨垃圾', '厨房垃圾', '易腐垃圾', '泔水', '潲水'],
  厨余: ['剩饭剩菜', '剩菜剩饭', '剩饭', '剩菜', '残羹剩饭', '菜叶子', '烂菜叶'],
  其他垃圾: ['干垃圾', '其它垃圾'],
  可回收物: ['可回收垃圾', '可回收的', '能回收的', '废品'],
  有害垃圾: ['有毒垃圾', '有毒有害垃圾'],
  大件垃圾: ['大件家具', '旧家具', '大件废弃物'],
  装修垃圾: ['建筑垃圾', '装潢垃圾', '渣土'],
  垃圾桶: ['垃圾箱', '果皮箱', '垃圾筒', '分类桶'],
  垃圾: ['拉圾', '垃级', '腊鸡', '辣鸡'],
  扔: ['丢', '丢弃', '乱丢', '倒掉', '扔掉', '丢掉'],
  // street and public order
  野广告: ['小广告', '牛皮癣', '乱贴广告', '乱贴乱画', '非法小广告'],
  犬只粪便: ['狗屎', '狗粪', '狗便', '狗狗便便', '狗拉屎', '狗大便', '狗屎粑粑'],
  犬只: ['狗', '狗狗', '宠物狗', '小狗', '大狗', '狗子'],
  遛狗: ['遛犬', '溜狗', '牵狗'],
  噪音: ['噪声', '吵闹', '太吵', '很吵', '动静', '吵人', '吵死'],
  扰民: ['影响休息', '吵得睡不着', '睡不着觉'],
  吸烟: ['抽烟', '抽香烟', '抽根烟', '抽支烟', '抽口烟', '抽两口', '吞云吐雾'],
  电子烟: ['雾化烟', '电子香烟'],
  烟花爆竹: ['烟花', '鞭炮', '炮仗', '爆竹', '放炮', '礼花'],
  厕所: ['公厕', '公共厕所', '卫生间', '洗手间', '茅房', '茅厕'],
  餐饮店: ['饭店', '饭馆', '餐馆', '餐厅', '小饭馆', '小吃店', '快餐店', '馆子'],
  活禽: ['活鸡', '活鸭', '鸡鸭', '活鸡活鸭', '家禽'],
  占道经营: ['摆摊', '乱摆摊', '路边摊', '流动摊贩', '小摊贩', '摊贩'],
  广场舞: ['跳舞的大妈', '广场跳舞'],
  积水: ['死水', '存水', '水坑'],
  污水: ['脏水', '臭水', '黑臭水'],
  下水道: ['阴沟', '排水沟', '下水管'],
  // reporting and service
  反映: ['投诉', '举报', '报告', '反馈', '上报', '报修'],
  照片: ['图片', '相片', '拍照', '截图', '图'],
  位置: ['定位', '地址', '地点'],
  个人信息: ['隐私', '手机号', '电话号码', '身份信息', '个人隐私'],
  匿名: ['不留名', '不留姓名', '不实名'],
  进度: ['办理情况', '处理情况', '处理进度', '办到哪', '办得怎么样'],
  时间: ['几点', '几时', '什么时候', '啥时候', '何时', '几点钟'],
  多久: ['多长时间', '几天', '多少天', '要多久'],
  晚上: ['夜里', '半夜', '深夜', '夜间', '凌晨'],
  节假日: ['放假', '假期', '节日', '法定假日', '过节'],
  周末: ['星期六', '星期天', '礼拜天', '双休日'],
  英文: ['英语'],
  订阅: ['关注', '订阅消息'],
  // Whole phrases, not a bare 别再发, which would also match inside 别再发生.
  取消订阅: ['退订', '不想收', '别再发了', '别再发消息', '别再给我发', '不要再发了', '取消关注', '关闭提醒', '关掉提醒', '关闭通知', '关掉通知', '取消推送', '不要推送', '关闭推送'],
  消息: ['提醒', '通知', '推送', '消息推送'],
  参与: ['出力', '出份力', '出一份力', '贡献', '尽一份力', '帮把手'],
  不满意: ['不满', '不认可', '没解决', '没处理好', '没弄好', '根本没弄', '没修好', '糊弄', '敷衍'],
  // everyday names of things, places and states residents mention
  粪便: ['粑粑', '便便', '大便', '排泄物'],
  渣土车: ['泥头车', '土方车', '运土车'],
  电动车: ['电瓶车', '电动自行车', '电驴', '小电驴', '电单车'],
  流浪狗: ['野狗'],
  流浪猫: ['野猫'],
  井盖: ['窨井盖', '下水井盖', '井盖子'],
  楼道: ['楼梯间', '楼梯口', '走廊', '过道'],
  扬尘: ['灰尘', '尘土', '粉尘', '灰太大'],
  路灯: ['街灯', '路灯杆'],
  臭味: ['异味', '臭气', '气味难闻', '臭烘烘', '臭气熏天', '恶臭'],
  脏乱: ['脏乱差', '邋遢', '不干净', '很脏', '太脏'],
  物业: ['物管', '物业公司', '物业管理处'],
  社区: ['居委会', '居委'],
  城管: ['城管局', '城管队', '综合执法', '城市管理'],
  市民: ['老百姓', '群众', '普通人'],
  维修: ['修理', '修一下', '修好', '修修'],
  损坏: ['坏了', '破损', '烂了', '用坏', '坏掉'],
};

/** Everyday English words and phrases -> the Chinese word a pack would use. */
export const ENGLISH_BRIDGE: Readonly<Record<string, string>> = {
  'food waste': '厨余垃圾', 'kitchen waste': '厨余垃圾', 'wet waste': '厨余垃圾', 'food scraps': '厨余',
  leftovers: '厨余', leftover: '厨余', 'dry waste': '其他垃圾', 'residual waste': '其他垃圾',
  'hazardous waste': '有害垃圾', 'bulky waste': '大件垃圾', 'old furniture': '大件垃圾', furniture: '大件垃圾',
  sofa: '沙发', mattress: '床垫', 'construction waste': '装修垃圾', renovation: '装修', renovating: '装修',
  garbage: '垃圾', trash: '垃圾', rubbish: '垃圾', waste: '垃圾', litter: '垃圾',
  recyclable: '可回收物', recyclables: '可回收物', recycle: '可回收物', recycling: '可回收物',
  hazardous: '有害垃圾', battery: '电池', medicine: '药品', bulb: '灯管', bin: '垃圾桶', sort: '分类',
  sorting: '分类', classify: '分类', category: '分类', categories: '分类', throw: '扔', dispose: '扔',
  rat: '老鼠', mouse: '老鼠', mice: '老鼠', rodent: '老鼠', cockroach: '蟑螂', roach: '蟑螂',
  mosquito: '蚊子', fly: '苍蝇', flies: '苍蝇', bait: '灭鼠药', poison: '灭鼠药', dengue: '登革热',
  'standing water': '积水', puddle: '积水', water: '水',
  dog: '犬只', dogs: '犬只', puppy: '犬只', leash: '牵引绳', poop: '犬只粪便', 'dog poop': '犬只粪便',
  walk: '遛', walking: '遛',
  noise: '噪音', noisy: '噪音', loud: '噪音', 'square dancing': '广场舞', 'square dance': '广场舞',
  smoke: '吸烟', smoking: '吸烟', cigarette: '香烟', 'e-cigarette': '电子烟', vape: '电子烟', vaping: '电子烟',
  fireworks: '烟花爆竹', firecrackers: '烟花爆竹', firework: '烟花爆竹', firecracker: '烟花爆竹',
  toilet: '厕所', restroom: '厕所', bathroom: '厕所', 'public toilet': '厕所',
  restaurant: '餐饮店', eatery: '餐饮店', licence: '许可证', license: '许可证', permit: '许可证',
  'health certificate': '健康证', chicken: '活禽', poultry: '活禽', market: '市场', stall: '摊贩',
  ad: '野广告', ads: '野广告', flyer: '野广告', flyers: '野广告', poster: '野广告',
  report: '反映', complain: '反映', complaint: '反映', submit: '提交', ticket: '反映',
  photo: '照片', picture: '照片', pic: '照片', image: '照片', location: '位置', address: '位置',
  progress: '进度', status: '进度', track: '查询', check: '查询', rate: '评价', rating: '评价',
  feedback: '评价', satisfied: '满意', unsatisfied: '不满意', dissatisfied: '不满意', unhappy: '不满意',
  reopen: '重新处理', privacy: '个人信息', personal: '个人', anonymous: '匿名', anonymously: '匿名',
  emergency: '紧急情况', urgent: '紧急', fire: '火灾', police: '报警',
  night: '晚上', weekend: '周末', holiday: '节假日', holidays: '节假日',
  english: '英文', language: '语言', chinese: '中文',
  subscribe: '订阅', unsubscribe: '取消订阅', notifications: '消息', messages: '消息',
  when: '时间', time: '时间', hours: '时间', open: '开放', opening: '开放', long: '多久',
  campaign: '创卫', hygiene: '卫生', sanitation: '环卫', clean: '清洁', city: '城市',
  volunteer: '志愿者', join: '参与', participate: '参与', shop: '商户', shops: '商户', store: '商户',
  park: '公园', parking: '停车', light: '灯', lights: '灯', lamp: '灯', 'street light': '路灯', streetlight: '路灯',
  broken: '损坏', fix: '维修', fixes: '维修', repair: '维修', charge: '充电', charging: '充电',
  'e-bike': '电动车', ebike: '电动车', scooter: '电动车', bike: '单车', bicycle: '单车', 'shared bike': '共享单车',
  hallway: '楼道', corridor: '楼道', stairwell: '楼道', stairs: '楼道', close: '关门', closed: '关门',
  dust: '扬尘', construction: '施工', 'construction site': '工地', site: '工地', manhole: '井盖',
  stray: '流浪', cat: '猫', burn: '焚烧', burning: '焚烧', smell: '臭味', smelly: '臭味', stink: '臭味',
  dirty: '脏乱', 'tap water': '自来水', tank: '水箱', reward: '奖励', rewards: '奖励', points: '积分',
  glass: '玻璃', bottle: '瓶子', paper: '纸', cardboard: '纸箱', clothes: '旧衣服', 'old clothes': '旧衣服',
  rid: '消灭', kill: '消灭', pest: '病媒', pests: '病媒', 'wet market': '农贸市场', chef: '厨师', cook: '厨师',
  waiter: '服务员', 'septic tank': '化粪池', sewage: '污水', sewer: '下水道', drain: '下水道', lawn: '草坪',
  grass: '草坪', neighbour: '邻居', neighbor: '邻居', upstairs: '楼上', downstairs: '楼下', community: '社区',
  property: '物业', 'property management': '物业', cost: '费用', fee: '费用', free: '免费', pay: '费用',
  dumping: '乱倒', 'illegal dumping': '乱倒', overflowing: '满', full: '满', collection: '收运', collect: '收运',
  'pick up': '收运', 'garbage truck': '垃圾车', truck: '车', blocked: '堵塞', clogged: '堵塞', pothole: '坑洼',
  road: '道路', street: '街道', sidewalk: '人行道', pavement: '人行道', car: '车辆', vehicle: '车辆',
  abandoned: '废弃', graffiti: '涂鸦', tree: '树', branch: '树枝', pruning: '修剪', vendor: '摊贩',
  hawker: '摊贩', 'street vendor': '摊贩', pet: '宠物', bark: '狗叫', barking: '狗叫', bite: '咬', bitten: '咬',
  rabies: '狂犬疫苗', vaccine: '疫苗', vaccination: '疫苗', register: '登记', registration: '登记', muzzle: '嘴套',
  'bed bug': '臭虫', termite: '白蚁', ant: '蚂蚁', 'pest control': '病媒防制', spray: '喷药', disinfect: '消毒',
  disinfection: '消毒', music: '音乐', karaoke: '唱歌', drilling: '电钻', party: '聚会', hotline: '热线',
  wechat: '微信', cancel: '取消', deadline: '期限', overdue: '超期', inspection: '检查', inspect: '检查',
  fined: '罚款', penalty: '罚款', illegal: '违法', ban: '禁止', banned: '禁止', prohibited: '禁止',
  forbidden: '禁止', tissue: '纸巾', napkin: '纸巾', diaper: '尿不湿', 'cigarette butt': '烟头', eggshell: '蛋壳',
  bone: '骨头', peel: '果皮', fruit: '水果', vegetable: '菜叶', expired: '过期', paint: '油漆',
  thermometer: '温度计', 'light bulb': '灯泡', fluorescent: '荧光灯', shoe: '鞋子', plastic: '塑料',
  'plastic bag': '塑料袋', bag: '袋子', box: '纸箱', tin: '易拉罐', 'drink can': '易拉罐', newspaper: '报纸',
  magazine: '杂志', book: '书本', electronics: '电器', appliance: '家电', fridge: '冰箱', wardrobe: '衣柜',
  chair: '椅子', tile: '瓷砖', brick: '砖头', cement: '水泥', fumes: '油烟', 'cooking fumes': '油烟',
  sms: '短信', 'text message': '短信', booking: '预约', appointment: '预约', pickup: '收运', river: '河道',
  stream: '河道', phone: '电话', call: '电话', stop: '停止', office: '办公室', shot: '疫苗', subsidy: '补贴',
  grant: '补贴', dead: '死', filthy: '脏乱', farm: '养殖场', pig: '猪', village: '村', old: '旧',
};

/**
 * Synonym groups that read each full form of an abbreviation table as its abbreviation (or as the
 * canonical word the abbreviation already stands for in `base`). Full forms `base` already maps,
 * or uses as a canonical word, keep their reading.
 */
export function abbreviationGroups(
  table: Readonly<Record<string, readonly string[]>>,
  base: ReadonlyMap<string, string>,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const canonicals = new Set(base.values());
  for (const [abbr, fulls] of Object.entries(table)) {
    const a = normalize(abbr);
    const canonical = base.get(a) ?? a;
    const list = fulls.map(normalize).filter((f) => f !== canonical && !base.has(f) && !canonicals.has(f));
    if (list.length > 0) (out[canonical] ??= []).push(...list);
  }
  return out;
}

/** Builds a variant -> canonical map from synonym groups; later tables override earlier ones. */
export function synonymMap(...groups: Readonly<Record<string, readonly string[]>>[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const g of groups) {
    for (const [canonical, variants] of Object.entries(g)) {
      for (const v of variants) map.set(normalize(v), normalize(canonical));
    }
  }
  return map;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}

/** A compiled rewriter: replaces every variant (longest first) with its canonical word. */
export function phraseRewriter(map: ReadonlyMap<string, string>, minLength = 2): (text: string) => string {
  // Canonical words join the alternation so that a longer canonical word ("不满意") wins over a
  // variant inside it ("不满").
  const all = new Map<string, string>(map);
  for (const c of map.values()) if (!all.has(c)) all.set(c, c);
  const keys = [...all.keys()].filter((k) => Array.from(k).length >= minLength);
  if (keys.length === 0) return (t) => t;
  keys.sort((a, b) => b.length - a.length);
  // A Latin variant matches whole words only: "bot" is not inside "both" or "bottom".
  const pattern = (k: string): string => `${/^[a-z]/.test(k) ? '(?<![a-z])' : ''}${escape(k)}${/[a-z]$/.test(k) ? '(?![a-z])' : ''}`;
  const re = new RegExp(keys.map(pattern).join('|'), 'g');
  return (text) => text.replace(re, (m) => ` ${all.get(m) ?? m} `);
}

const ENGLISH_WORD = /[a-z][a-z'-]*/g;

/** Singular of a plural English word, good enough for a lookup. */
function singular(w: string): string {
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('es') && /(s|x|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss') && w.length > 3) return w.slice(0, -1);
  return w;
}

/** Each bridge's keys by their stems (english.ts), so that "blocking" and "blocked" find "block". */
const stemmed = new WeakMap<object, Map<string, string>>();

/**
 * Only a word with an inflection ending is looked up by its stem: an uninflected word would meet
 * unrelated keys the stemmer shortens to it ("can" and "cans", "but" and "butt").
 */
function inflected(w: string): boolean {
  return /(s|ed|ing)$/.test(w) && stem(w) !== w;
}

function byStem(bridge: Readonly<Record<string, string>>): Map<string, string> {
  let map = stemmed.get(bridge);
  if (!map) {
    map = new Map();
    // A key's own stem is kept first; where two keys share a stem the shorter (base) form wins.
    const keys = Object.keys(bridge).sort((a, b) => a.length - b.length);
    for (const k of keys) {
      const s = k.split(' ').map(stem).join(' ');
      if (!map.has(s)) map.set(s, bridge[k] as string);
    }
    stemmed.set(bridge, map);
  }
  return map;
}

/**
 * Replaces known English words and two-word phrases (text already normalised) with Chinese words;
 * unknown English words stay, so they still count as content the entries do not cover.
 */
export function bridgeEnglish(text: string, bridge: Readonly<Record<string, string>> = ENGLISH_BRIDGE): string {
  if (!/[a-z]/.test(text)) return text;
  const tokens = text.match(ENGLISH_WORD) ?? [];
  if (tokens.length === 0) return text;
  const out: string[] = [];
  const rest = text.replace(ENGLISH_WORD, ' ');
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i] ?? '';
    const b = tokens[i + 1];
    if (b !== undefined) {
      const pair =
        bridge[`${a} ${b}`] ??
        bridge[`${singular(a)} ${singular(b)}`] ??
        bridge[`${a} ${singular(b)}`] ??
        (inflected(a) || inflected(b) ? byStem(bridge).get(`${stem(a)} ${stem(b)}`) : undefined);
      if (pair !== undefined) {
        out.push(pair);
        i++;
        continue;
      }
    }
    out.push(bridge[a] ?? bridge[singular(a)] ?? (inflected(a) ? byStem(bridge).get(stem(a)) : undefined) ?? a);
  }
  return `${out.join(' ')} ${rest}`;
}
