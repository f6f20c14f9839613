/**
 * General English vocabulary for the English-to-Chinese bridge, written for this project as an
 * extension of ENGLISH_BRIDGE (src/text/synonyms.ts): the everyday verbs, nouns, adjectives and
 * short phrases residents use when they write to a city-services or sanitation bot in English,
 * each mapped to the word a county 创卫 notice, FAQ or complaint would use in Chinese. Items a
 * sorting question names use the words of the class lists in src/faq/related.ts.
 *
 * Conventions (bridgeEnglish() tries a two-word phrase before a single word, the exact form
 * before the crudely singularised one, and does not stem verbs):
 * - Keys are lower case and singular; a plural-looking key is there only where the singulariser
 *   would get it wrong ("leaves" -> "leave", "cans" -> the stop word "can", "goes" -> "goe").
 *   Common inflected verb forms ("threw", "parked") are keys of their own.
 * - No key repeats an ENGLISH_BRIDGE key or is an English stop word of src/faq/stopwords.ts.
 * - Scaffolding words the English stop list lacks ("thanks", "really", "don't") map to the Chinese
 *   scaffolding word, which the FAQ engine drops instead of counting an unknown English token.
 * - An ambiguous word takes the reading most likely in this domain; each such choice is commented.
 */
export const EXTRA_ENGLISH_BRIDGE: Readonly<Record<string, string>> = {
  // --- verbs: everyday actions ---
  buy: '买', bought: '买', sell: '卖', selling: '卖', sold: '卖', speak: '说', talk: '说', say: '说',
  understand: '懂', eat: '吃', drink: '喝',
  // "live" is read as "reside"; the "alive" reading comes through the phrases below ("live chicken").
  live: '住',
  // "move" is moving house or moving things out, its usual sense in a complaint.
  move: '搬', moving: '搬',
  cleaned: '清理', cleaning: '清洁', 'clean up': '清理', clear: '清理', sweep: '清扫', wash: '洗',
  'wash hand': '洗手', paid: '费用', payment: '费用', apply: '申请', wait: '等',
  send: '发送',
  // "share" in a chat is sharing a location or a photo with the bot.
  share: '发送', receive: '收到', received: '收到', reply: '回复', respond: '回复',
  contact: '联系', ask: '咨询',
  // "help" is scaffolding in a question ("can you help me"): 帮忙 is a Chinese stop word.
  help: '帮忙', handle: '处理', 'deal with': '处理', solve: '解决', solved: '解决',
  'follow up': '跟进', 'follow-up': '跟进', forget: '忘记', lose: '丢失', lost: '丢失', missing: '丢失',
  find: '找', found: '发现', see: '看到',
  // "notice" is read as the noun (an announcement of the campaign).
  notice: '通知', allow: '允许', allowed: '允许', ok: '可以', okay: '可以',
  // "keep" mostly means "go on doing" ("they keep dumping"); keeping animals comes through phrases.
  keep: '一直', 'keep dog': '养犬', 'keep pet': '养宠物', 'keep chicken': '养鸡', raise: '养', feed: '喂',
  fed: '喂',
  // Mosquitoes breed in standing water: 滋生 is the hygiene word; farming animals is "raise".
  breeding: '滋生',
  // "block" is read as the verb (blocking a passage), like the existing "blocked".
  block: '堵塞', leak: '漏水',
  // A flooded street is reported as 积水 in notices and complaints.
  flood: '积水', flooded: '积水', burned: '焚烧', burnt: '焚烧', 'open burning': '焚烧',
  parked: '停车', dump: '乱倒', dumped: '乱倒', pile: '堆放', occupied: '占用',
  threw: '扔', thrown: '扔', throwing: '扔', drop: '扔', 'drop off': '投放', littering: '乱扔',
  put: '放', place: '地方', collected: '收运', 'picked up': '收运', 'take away': '清运',
  emptied: '清运', remove: '清除', separate: '分类', sorted: '分类', recycled: '可回收物',
  complained: '反映', reported: '反映', submitted: '提交', cancelled: '取消', canceled: '取消',
  repaired: '维修', fixed: '维修', fumigation: '消杀', prevent: '预防', control: '防治',
  // "cut" is cutting grass or branches; cutting a tree down is 砍伐.
  cut: '修剪', trim: '修剪', 'cut down': '砍伐', 'grow vegetable': '种菜',
  // "add" is asked as "add more bins / lamps": 增设 is the notice word.
  add: '增设', use: '使用',
  // "used" is read as the adjective of sorting questions ("used batteries", "used tissue").
  used: '废旧', completed: '办结',
  // "return" in a ticket's life is sending it back to be redone.
  return: '退回', urge: '催办', permission: '批准',
  // A staff "visit" is a home visit.
  visit: '上门',
  // "fine" is read as the penalty (like the existing "fined"), the reading that carries a topic.
  fine: '罚款', enforcement: '执法', care: '管',
  disturb: '扰民', annoying: '扰民',
  // "bother" is mostly "sorry to bother you": read as 麻烦, a Chinese stop word.
  bother: '麻烦', sleep: '睡觉', 'not working': '损坏',
  locked: '锁门', break: '损坏', damage: '损坏', damaged: '损坏', fallen: '倒',
  spit: '吐痰', spitting: '吐痰', pee: '小便',
  // "post" is posting ads or notices on walls and poles.
  post: '张贴',
  go: '去', goes: '去', suggestion: '建议', count: '算', belong: '属于',
  'turn off': '关闭', 'opt out': '退订', 'stop sending': '退订', reminder: '提醒', notification: '消息',
  message: '消息',

  // --- people and organisations ---
  bot: '机器人', robot: '机器人', human: '人工', 'real person': '人工', 'customer service': '人工',
  // "manual" in Chinese-English service talk is 人工 (manual service = a human agent).
  manual: '人工', person: '人', people: '人', someone: '有人', nobody: '没人', 'no one': '没人',
  child: '孩子', children: '孩子', kid: '孩子', elderly: '老人', resident: '居民',
  citizen: '市民', landlord: '房东', tenant: '租户',
  // "owner" is the home owner of property questions; a dog's owner comes through the phrase.
  owner: '业主', 'dog owner': '养犬人', staff: '工作人员', officer: '工作人员',
  'sanitation worker': '环卫工人', cleaner: '保洁员',
  government: '政府', department: '部门', 'police station': '派出所', chengguan: '城管',
  'urban management': '城管', business: '商户',

  // --- places ---
  town: '县城', county: '县', district: '区', township: '乡镇', downtown: '城区',
  neighbourhood: '社区', neighborhood: '社区', apartment: '小区', flat: '小区', building: '楼', home: '家',
  house: '家', kitchen: '厨房', balcony: '阳台',
  // "lift" in a building complaint is the elevator.
  elevator: '电梯', lift: '电梯', staircase: '楼道',
  // "floor" is read as the ground surface ("litter on the floor"), as hygiene complaints use it.
  floor: '地面', ground: '地面', yard: '院子', 'green belt': '绿化带',
  greenery: '绿化', 'flower bed': '花坛', square: '广场', lane: '巷子',
  bus: '公交车', 'bus stop': '公交站', 'parking space': '车位', 'parking lot': '停车场',
  'fire exit': '消防通道', entrance: '门口',
  'in front': '门口', fence: '护栏', wire: '电线', 'public place': '公共场所',
  facility: '设施', indoor: '室内', outdoor: '室外', public: '公共', school: '学校',
  hospital: '医院', 'internet cafe': '网吧', 'night market': '夜市',
  'garbage station': '垃圾站', 'collection point': '收集点', gutter: '下水道',
  // "around" is read as place ("around my house"), not as an approximate time.
  near: '附近', nearby: '附近', around: '附近', 'next to': '旁边', everywhere: '到处',
  anywhere: '随地',

  // --- things residents sort, throw away or complain about ---
  food: '食物', meat: '肉', fish: '鱼', egg: '鸡蛋', rice: '米饭', bread: '面包',
  tea: '茶叶', 'coffee ground': '咖啡渣', oil: '油', 'cooking oil': '食用油',
  grease: '油污', swill: '泔水', takeaway: '外卖', 'takeaway box': '外卖盒',
  disposable: '一次性',
  // Chopsticks and parcels asked about in sorting are disposable chopsticks and parcel boxes.
  chopstick: '一次性筷子', bowl: '碗碟', 'paper cup': '纸杯', 'milk carton': '牛奶盒',
  'plastic bottle': '塑料瓶', 'glass bottle': '玻璃瓶', cans: '易拉罐', metal: '金属',
  junk: '杂物', rubble: '渣土', straw: '秸秆',
  // "leaves" singularises to "leave", so the plural is keyed as well.
  leaf: '落叶', leaves: '落叶', flowerpot: '花盆', packaging: '包装', parcel: '快递盒',
  foam: '泡沫', ceramic: '陶瓷', mask: '口罩', 'wet wipe': '湿巾', 'toilet paper': '卫生纸',
  'cat litter': '猫砂', hair: '头发', mop: '拖把',
  'button battery': '纽扣电池', 'power bank': '充电宝', rechargeable: '充电电池', insecticide: '杀虫剂',
  pesticide: '农药',
  // "tube" in a sorting question is a fluorescent tube.
  tube: '灯管', pill: '药片', needle: '针头', lighter: '打火机', tire: '轮胎', tyre: '轮胎', 'e-waste': '电子垃圾',
  'live chicken': '活禽', 'live poultry': '活禽', 'live bird': '活禽',
  'garbage sorting': '垃圾分类', 'waste sorting': '垃圾分类', 'other waste': '其他垃圾',
  'trash can': '垃圾桶', 'garbage can': '垃圾桶', dustbin: '垃圾桶', 'garbage bag': '垃圾袋', lid: '盖子',
  'manhole cover': '井盖', 'green bin': '绿桶', 'blue bin': '蓝桶', 'red bin': '红桶', 'grey bin': '灰桶',
  'gray bin': '灰桶', laundry: '晾晒', 'hang clothes': '晾晒',
  // "tap" is the water tap here; tapping a button in the chat goes by other words.
  tap: '水龙头', 'no water': '停水', 'power outage': '停电', gas: '燃气', 'gas leak': '漏气', pollution: '污染',
  polluted: '污染', advertisement: '野广告', sticker: '野广告', loudspeaker: '喇叭', honking: '鸣笛',
  singing: '唱歌',
  // Dancing reported to a county bot is square dancing.
  dance: '广场舞', dancing: '广场舞', hazard: '隐患',

  // --- animals and pests ---
  animal: '动物', bird: '鸟', bug: '虫子', insect: '虫子', maggot: '蛆',
  flea: '跳蚤', wasp: '马蜂', larva: '幼虫', 'wild dog': '流浪狗', 'big dog': '大型犬',
  'dangerous dog': '烈性犬', 'off leash': '牵引绳', unleashed: '牵引绳', carcass: '尸体', trap: '鼠夹',
  'glue trap': '粘鼠板',

  // --- health, safety and the campaign ---
  health: '健康', 'health check': '体检', checkup: '体检', 'medical exam': '体检', 'physical exam': '体检',
  certificate: '证', sick: '生病', disease: '疾病', infection: '感染',
  'food poisoning': '食物中毒', 'food safety': '食品安全', injured: '受伤', injury: '受伤', hurt: '受伤',
  ambulance: '120', accident: '事故', safe: '安全', safety: '安全', unsafe: '危险', dangerous: '危险',
  harmful: '有害', toxic: '有毒', poisonous: '有毒', hygienic: '卫生', sanitary: '卫生', unhygienic: '不卫生',
  'hygienic city': '创卫', environment: '环境', 'city appearance': '市容',

  // --- service, tickets and information ---
  'work order': '工单', 'ticket number': '工单编号', 'case number': '工单编号',
  // "case" is read as the resident's ticket ("my case").
  case: '工单', number: '号码',
  // "a number of rats" is an amount, not a phone number (号码 reads as 电话 in the FAQ tables).
  'number of': '多', result: '结果', reason: '原因', problem: '问题', issue: '问题', thing: '东西',
  something: '东西', way: '办法',
  // "type" is the kind of waste ("what type of rubbish"), as the existing "category".
  type: '分类', item: '物品', rule: '规定', regulation: '规定', legal: '合法', unlicensed: '无证',
  'business license': '营业执照', 'business licence': '营业执照', information: '信息', info: '信息',
  // "process" is read as the noun (the steps of applying for something).
  procedure: '流程', process: '流程',
  // A bare "id" is mostly a ticket's number; the identity card comes through the phrase.
  id: '编号', 'ticket id': '工单编号', 'id card': '身份证', identity: '身份信息', text: '短信',
  // The app of a county campaign is its mini program.
  app: '小程序', 'qr code': '二维码', video: '视频', 'speak english': '英文',
  'in english': '英文', service: '服务', money: '钱', expensive: '贵', 'in charge': '负责', responsible: '负责',
  // "free of charge": without it "charge" would read as charging a battery.
  'of charge': '免费',

  // --- time and weather ---
  today: '今天', tomorrow: '明天', yesterday: '昨天', tonight: '今晚', morning: '早上', afternoon: '下午',
  evening: '晚上', daytime: '白天',
  // "pm" times in a complaint are mostly evening noise ("after 10pm").
  pm: '晚上', hour: '小时', day: '天', week: '周', month: '月', year: '年', 'every day': '每天',
  everyday: '每天', daily: '每天', weekday: '工作日', workday: '工作日', 'working day': '工作日',
  // A question about Saturday or Sunday is a question about the weekend.
  saturday: '周末', sunday: '周末', schedule: '时间', 'on time': '按时', 'in time': '及时',
  before: '以前', after: '以后', soon: '尽快', recently: '最近', late: '晚', early: '早', rain: '下雨', raining: '下雨',
  snow: '下雪', summer: '夏天', winter: '冬天',

  // --- qualities and amounts ---
  new: '新', big: '大', large: '大', small: '小', wet: '潮湿', rotten: '腐烂', moldy: '发霉',
  mouldy: '发霉', messy: '脏乱', mess: '脏乱', disgusting: '恶心', stinky: '臭味', odor: '臭味', odour: '臭味',
  'bad smell': '臭味', quiet: '安静', bad: '差', serious: '严重', randomly: '乱', many: '多', much: '多',
  lot: '多', 'too many': '太多', 'too much': '太多', more: '更多', other: '其他',

  // --- scaffolding the English stop list lacks, mapped to Chinese scaffolding ---
  hi: '你好', hello: '你好', thank: '谢谢', pls: '麻烦',
  // "sorry" opens a request ("sorry to bother you"), as 麻烦 does.
  sorry: '麻烦', yes: '是', not: '不', no: '没有', very: '很', really: '真的', too: '太', all: '都',
  // Without a key, "both" would meet the FAQ rewriter's "bot" and read as 机器人.
  both: '都', again: '再', still: '还', already: '已经', always: '总是', often: '经常', usually: '一般',
  maybe: '可能', only: '只', now: '现在', up: '上', out: '外',
  "don't": '不要', dont: '不要', "can't": '不能', cant: '不能', cannot: '不能', "won't": '不会',
  "doesn't": '不', "isn't": '不是', "didn't": '没有', "what's": '什么', "that's": '这', im: '我', u: '你',
  "neighbor's": '邻居', "neighbour's": '邻居',
};
