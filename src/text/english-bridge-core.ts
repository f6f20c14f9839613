/**
 * Core general English vocabulary for the English-to-Chinese bridge: the common words of everyday
 * English (the kind a general service list of the few thousand most frequent words holds) that the
 * other bridge tables do not key, so that a resident who writes "the property management company",
 * "can I get my well water tested" or "rats in the bedroom" does not lose the plain words. It holds
 * people and roles, the body and feelings, rooms and household things, food, clothing, places,
 * transport, nature, work and money, public life, learning and talk, colours and measures, time,
 * common verbs and qualities, scaffolding words the English stop list lacks, and irregular forms.
 * Each key maps to the word a county notice or a resident would use in Chinese.
 *
 * It follows the conventions of english-bridge-more.ts: lower-case base forms, with inflected forms
 * keyed only where neither the singulariser nor the stem of bridgeEnglish() reaches a key of the
 * same reading (irregular forms such as "ran", "bought", "children", or a reading of its own);
 * two-word keys only for pairs that mean something their words do not; no key repeats a key of
 * ENGLISH_BRIDGE, EXTRA_ENGLISH_BRIDGE, MORE_ENGLISH_BRIDGE, DAILY_ENGLISH_BRIDGE or
 * SCAFFOLDING_ENGLISH_BRIDGE or is an English stop word of src/faq/stopwords.ts; scaffolding maps
 * to a Chinese word the FAQ stop list drops; an ambiguous word takes the reading most likely in
 * this domain, with a comment.
 * Written for this project as original work.
 */
export const CORE_ENGLISH_BRIDGE: Readonly<Record<string, string>> = {
  // --- people, family and roles ---
  // A "secretary" is the Party secretary of a village or township; "head" is the head of an office or
  // village (the body part comes through "headache"); "minor" is "a minor problem"; a "group" is a group
  // of people or a chat group.
  secretary: '书记', head: '负责人', minor: '小', crew: '队', group: '群', man: '男人', men: '男人', woman: '女人',
  women: '女人', lady: '女士', mr: '先生', mrs: '女士', ms: '女士', boy: '男孩', girl: '女孩', baby: '婴儿',
  infant: '婴儿', toddler: '孩子', teenager: '青少年', teen: '青少年', youth: '青少年', adult: '成年人', parent: '家长',
  father: '父亲', mother: '母亲', dad: '父亲', mum: '母亲', mom: '母亲', son: '儿子', daughter: '女儿', brother: '兄弟',
  sister: '姐妹', husband: '丈夫', wife: '妻子', wives: '妻子', spouse: '配偶', grandson: '孙子',
  granddaughter: '孙女', grandchild: '孙子', grandchildren: '孙子', grandparent: '老人', grandad: '老人',
  uncle: '叔叔', aunt: '阿姨', auntie: '阿姨', cousin: '亲戚', relative: '亲戚', family: '家庭', household: '住户',
  friend: '朋友', colleague: '同事', guest: '客人', visitor: '访客', stranger: '陌生人', member: '成员',
  partner: '伙伴', pregnant: '孕妇', pregnancy: '怀孕', birth: '出生', born: '出生', birthday: '生日',
  marriage: '结婚', married: '结婚', marry: '结婚', guy: '人', folk: '人', crowd: '人群', population: '人口',
  local: '本地', foreigner: '外国人', foreign: '外国', tourist: '游客', passenger: '乘客', pedestrian: '行人',
  customer: '顾客', client: '客户', consumer: '消费者', user: '用户', victim: '受害人', witness: '目击者', thief: '小偷',
  thieves: '小偷', beggar: '乞讨人员', homeless: '流浪人员', student: '学生', pupil: '学生', teacher: '老师',
  expert: '专家', engineer: '工程师', lawyer: '律师', judge: '法官', fisherman: '渔民', plumber: '水电工',
  electrician: '电工', carpenter: '木工', painter: '油漆工', mechanic: '修理工', builder: '施工队',
  contractor: '施工单位', labourer: '工人', laborer: '工人', nanny: '保姆', maid: '保姆', housekeeper: '家政',
  clerk: '工作人员', salesman: '推销员', seller: '卖家', buyer: '买家', merchant: '商户', trader: '商户',
  shopkeeper: '店主', manufacturer: '厂家', chairman: '主任', director: '主任', chief: '负责人', captain: '队长',
  cadre: '干部', representative: '代表', reporter: '记者', journalist: '记者', roommate: '室友', flatmate: '室友',
  pensioner: '老人', retiree: '退休人员', retire: '退休', retirement: '退休', elder: '老人', individual: '个人',
  male: '男', female: '女',

  // --- body and health ---
  // "cold" is the weather or a cold room; to "treat" sewage or waste is to process it (a doctor's
  // treatment is 治疗); a "tablet" in a sorting question is a medicine tablet, hazardous waste when
  // expired.
  cold: '冷', treat: '处理', treatment: '治疗', tablet: '药片', body: '身体', face: '脸', eye: '眼睛', ear: '耳朵',
  nose: '鼻子', mouth: '嘴', lip: '嘴唇', tooth: '牙齿', teeth: '牙齿', tongue: '舌头', neck: '脖子', throat: '喉咙',
  shoulder: '肩膀', arm: '胳膊', hand: '手', finger: '手指', chest: '胸口', heart: '心脏', lung: '肺', stomach: '胃',
  belly: '肚子', hip: '屁股', leg: '腿', knee: '膝盖', foot: '脚', feet: '脚', skin: '皮肤', blood: '血',
  wrist: '手腕', ankle: '脚踝', sweat: '出汗', breath: '呼吸', breathe: '呼吸', cough: '咳嗽', pain: '疼', ache: '疼',
  painful: '疼', sore: '疼', injure: '受伤', bleed: '出血', bled: '出血', bruise: '淤青', fracture: '骨折',
  sprain: '扭伤', swell: '肿', swollen: '肿', allergy: '过敏', allergic: '过敏', asthma: '哮喘', cancer: '癌症',
  stroke: '中风', symptom: '症状', cure: '治疗', heal: '治疗', recover: '康复', recovery: '康复', healthy: '健康',
  medical: '医疗', injection: '打针', die: '死', died: '死', dying: '死', death: '死亡', alive: '活', life: '生活',
  tired: '累', hungry: '饿', thirsty: '渴', mental: '心理', stress: '压力', asleep: '睡着', awake: '醒', tear: '撕',
  tore: '撕',

  // --- feelings and the senses ---
  // A "concern" is a worry, not a business; something that smells "funny" is odd, not amusing.
  concern: '担心', annoy: '扰民', funny: '奇怪', depressed: '抑郁', anxiety: '焦虑', anxious: '焦虑', worried: '担心',
  worry: '担心', fear: '害怕', afraid: '害怕', scared: '害怕', frightened: '害怕', scary: '吓人', panic: '恐慌',
  nervous: '紧张', angry: '生气', anger: '生气', mad: '生气', upset: '生气', furious: '生气', happy: '高兴',
  glad: '高兴', pleased: '满意', satisfy: '满意', sad: '难过', surprise: '意外', shock: '震惊', disappointing: '失望',
  calm: '冷静', relax: '放松', comfortable: '舒服', uncomfortable: '不舒服', comfort: '舒服', laugh: '笑',
  smile: '笑', cry: '哭', shout: '吵', yell: '吵', scream: '吵', taste: '味道', touch: '摸', hear: '听到',
  heard: '听到', listen: '听', sight: '视线', vision: '视力', pity: '可惜', respect: '尊重', confuse: '不懂',
  fierce: '凶', violent: '暴力', violence: '暴力', harm: '危害', scold: '骂',

  // --- home, rooms and household things ---
  // A "cap" is a bottle cap or lid; "iron" is the metal; a "fan" is an electric or exhaust fan; an
  // "outlet" is a drain or sewage outlet as often as a socket (出口 serves both); to "stick" posters is to
  // paste them, as a "sticker" is a flyer; to "tie" is to tie up a bag; a "stamp" is an official seal
  // (盖章).
  cap: '盖子', iron: '铁', fan: '风扇', outlet: '出口', stick: '张贴', tie: '绑', collar: '项圈', stamp: '盖章',
  room: '房间', bedroom: '卧室', 'living room': '客厅', 'sitting room': '客厅', 'dining room': '饭厅',
  lounge: '客厅', hall: '大厅', lobby: '大厅', attic: '阁楼', loft: '阁楼', cellar: '地下室', storeroom: '储藏室',
  storage: '储物', classroom: '教室', garden: '花园', stair: '楼道', key: '钥匙', lock: '锁', doorbell: '门铃',
  bell: '铃', shelf: '架子', drawer: '抽屉', closet: '衣柜', soap: '肥皂', shampoo: '洗发水', toothpaste: '牙膏',
  brush: '刷子', mug: '杯子', spoon: '勺子', fork: '叉子', stove: '灶台', oven: '烤箱', freezer: '冰柜',
  refrigerator: '冰箱', heater: '取暖器', heating: '暖气', radiator: '暖气片', clock: '钟', alarm: '警报',
  'alarm clock': '闹钟', radio: '收音机', screen: '屏幕', switch: '开关', socket: '插座', plug: '插头', shower: '淋浴',
  bath: '洗澡', bathe: '洗澡', basket: '篮子', packet: '包装袋', package: '包裹', envelope: '信封', card: '卡',
  housework: '家务', chore: '家务', vacuum: '吸尘器', hoover: '吸尘器', dirt: '泥土', bedding: '被褥', cushion: '垫子',
  mat: '垫子', tray: '托盘', container: '容器', wrapper: '包装纸', rope: '绳子', string: '绳子', thread: '线',
  chain: '链子', net: '网', ladder: '梯子', hammer: '锤子', screw: '螺丝', bolt: '螺丝', nail: '钉子', spade: '铁锹',
  shovel: '铁锹', rake: '耙子', scissors: '剪刀', wheelbarrow: '手推车', trolley: '推车', barrel: '桶', pump: '水泵',
  valve: '阀门', filter: '过滤网', motor: '电机', engine: '发动机', generator: '发电机', candle: '蜡烛', glue: '胶水',
  ink: '墨水', detergent: '洗涤剂', powder: '粉末', frame: '框', gift: '礼物', wallet: '钱包', purse: '钱包',
  glasses: '眼镜', umbrella: '雨伞', tool: '工具', equipment: '设备', device: '设备', machine: '机器',
  machinery: '机器', board: '木板', panel: '板', cage: '笼子', hook: '钩子', drum: '鼓', stain: '污渍',
  'bottle cap': '瓶盖', 'bottle top': '瓶盖', 'jam jar': '玻璃瓶',

  // --- food, drink and cooking ---
  // "jam" is a traffic jam; a jar of jam comes through "jam jar".
  jam: '堵车', meal: '饭', breakfast: '早饭', lunch: '午饭', dinner: '晚饭', supper: '晚饭', pork: '猪肉', beef: '牛肉',
  mutton: '羊肉', lamb: '羊肉', crab: '螃蟹', grape: '葡萄', pear: '梨', peach: '桃子', lemon: '柠檬',
  strawberry: '草莓', cherry: '樱桃', mango: '芒果', pineapple: '菠萝', corn: '玉米', bean: '豆', pea: '豌豆',
  carrot: '胡萝卜', pepper: '辣椒', garlic: '大蒜', ginger: '姜', mushroom: '蘑菇', lettuce: '生菜', spinach: '菠菜',
  cucumber: '黄瓜', pumpkin: '南瓜', radish: '萝卜', salt: '盐', sugar: '糖', honey: '蜂蜜', butter: '黄油',
  cheese: '奶酪', cream: '奶油', vinegar: '醋', flour: '面粉', grain: '粮食', wheat: '小麦', soy: '大豆',
  soybean: '大豆', dumpling: '饺子', bun: '包子', porridge: '粥', salad: '沙拉', sandwich: '三明治', pizza: '披萨',
  burger: '汉堡', hamburger: '汉堡', chip: '薯片', crisp: '薯片', chocolate: '巧克力', biscuit: '饼干', cookie: '饼干',
  mooncake: '月饼', ice: '冰', 'ice cream': '冰淇淋', sweet: '甜', sour: '酸', bitter: '苦', spicy: '辣',
  salty: '咸', delicious: '好吃', tasty: '好吃', fresh: '新鲜', cooked: '熟', boil: '煮', bake: '烤', roast: '烧烤',
  steam: '蒸', coffee: '咖啡', juice: '果汁', beer: '啤酒', wine: '酒', liquor: '白酒', alcohol: '酒', soda: '汽水',
  beverage: '饮料', hunger: '饿', appetite: '胃口', chew: '啃咬', flavour: '味道', flavor: '味道', recipe: '菜谱',
  ingredient: '食材', fat: '油脂', rot: '腐烂', decay: '腐烂', melt: '融化', tobacco: '烟草',

  // --- clothing ---
  // To "ring" is to ring someone up, a call; the jewellery is rare here.
  ring: '电话', rang: '电话', shirt: '衬衫', 't-shirt': '衣服', tshirt: '衣服', coat: '外套', jacket: '外套',
  sweater: '毛衣', jumper: '毛衣', dress: '裙子', skirt: '裙子', trousers: '裤子', pants: '裤子', jeans: '牛仔裤',
  shorts: '短裤', sock: '袜子', boot: '靴子', slipper: '拖鞋', sandal: '凉鞋', glove: '手套', scarf: '围巾',
  belt: '腰带', underwear: '内衣', uniform: '制服', pocket: '口袋', zip: '拉链', zipper: '拉链', wool: '羊毛',
  cotton: '棉', leather: '皮革', fabric: '布料', cloth: '布', wear: '穿', wore: '穿',

  // --- town, places and buildings ---
  // A "state" is the state a place is in ("the state of the toilets"); "landscape" work is the greening
  // of a place.
  landscape: '绿化', state: '情况', province: '省', country: '国家', nation: '国家', suburb: '郊区',
  outskirts: '郊区', path: '小路', trail: '小路', route: '路线', tunnel: '隧道', crossing: '路口', stadium: '体育场',
  court: '法院', church: '教堂', museum: '博物馆', library: '图书馆', zoo: '动物园', station: '车站', airport: '机场',
  port: '港口', harbour: '港口', harbor: '港口', dock: '码头', pier: '码头', bank: '银行', cafe: '咖啡馆', club: '俱乐部',
  factory: '工厂', mill: '工厂', warehouse: '仓库', storehouse: '仓库', depot: '仓库', university: '大学',
  college: '学院', prison: '监狱', jail: '监狱', tower: '塔', statue: '雕塑', fountain: '喷泉', pavilion: '亭子',
  kiosk: '报亭', booth: '岗亭', tent: '帐篷', hut: '棚', cottage: '小屋', villa: '别墅', dormitory: '宿舍',
  dorm: '宿舍', camp: '营地', structure: '建筑', border: '边界', boundary: '边界', position: '位置', direction: '方向',
  north: '北', south: '南', east: '东', west: '西', northern: '北', southern: '南', eastern: '东', western: '西',
  northeast: '东北', northwest: '西北', southeast: '东南', southwest: '西南', upstream: '上游', downstream: '下游',
  distance: '距离', bookshop: '书店', bookstore: '书店', plaza: '广场', hometown: '老家', farmhouse: '农家',
  remote: '偏远', slope: '坡', top: '上', abroad: '国外', elsewhere: '别处', nowhere: '没有', ahead: '前面',
  'post office': '邮局', 'gas station': '加油站', 'petrol station': '加油站', 'car wash': '洗车',
  'city hall': '政府', 'town hall': '政府', 'shop owner': '店主', 'store owner': '店主', 'chain store': '连锁店',
  'green space': '绿地', 'open space': '空地', 'square meter': '平方米', 'square metre': '平方米', counter: '柜台',
  barrier: '路障',

  // --- transport and travel ---
  // A "cycle" is a bicycle ride; a recurring period comes through "period" or "every".
  cycle: '骑车', peak: '高峰', 'ring road': '环路', train: '火车', trained: '培训', subway: '地铁', metro: '地铁',
  underground: '地下', railway: '铁路', railroad: '铁路', rail: '铁路', plane: '飞机', airplane: '飞机',
  flight: '航班', ship: '船', boat: '船', ferry: '轮渡', wheel: '轮子', brake: '刹车', fuel: '燃油', petrol: '汽油',
  gasoline: '汽油', diesel: '柴油', ride: '骑', rode: '骑', ridden: '骑', riding: '骑', cyclist: '骑车',
  speed: '速度', fare: '票价', journey: '行程', trip: '行程', travel: '旅游', tour: '旅游', tourism: '旅游',
  vacation: '假期', passport: '护照', arrival: '到达', departure: '出发', depart: '出发', transport: '运输',
  transportation: '运输', shipping: '运输', commute: '上下班', driven: '开车', motorist: '司机', signal: '信号',
  seat: '座位', load: '装', unload: '卸', cross: '穿过', 'rush hour': '高峰', 'driving licence': '驾照',
  'driving license': '驾照',

  // --- nature, weather, plants and animals ---
  // "spring" is the season; "bear" is the animal ("teddy bear" is keyed); "earth" is soil or dug earth
  // (muck trucks, dumped earth), rarely the planet.
  spring: '春天', bear: '熊', earth: '土', weather: '天气', climate: '气候', sun: '太阳', sunny: '晴天',
  sunshine: '阳光', sunlight: '阳光', moon: '月亮', sky: '天空', cloud: '云', cloudy: '阴天', wind: '风',
  windy: '大风', breeze: '风', thunder: '打雷', lightning: '闪电', fog: '雾', foggy: '雾', mist: '雾', smog: '雾霾',
  haze: '雾霾', frost: '霜冻', freeze: '结冰', froze: '结冰', frozen: '结冰', temperature: '温度', degree: '度',
  warm: '暖和', cool: '凉快', dry: '干', drought: '干旱', earthquake: '地震', disaster: '灾害', season: '季节',
  autumn: '秋天', nature: '自然', natural: '自然', world: '世界', soil: '土壤', rock: '石头', mountain: '山',
  hill: '山', forest: '树林', woods: '树林', coast: '海边', beach: '海滩', sea: '海', wave: '海浪', flow: '流',
  root: '根', seed: '种子', bamboo: '竹子', willow: '柳树', catkin: '柳絮', wetland: '湿地', lawnmower: '割草机',
  shade: '阴凉', shadow: '影子', horse: '马', donkey: '驴', rabbit: '兔子', squirrel: '松鼠', weasel: '黄鼠狼',
  frog: '青蛙', crow: '乌鸦', sparrow: '麻雀', bat: '蝙蝠', beetle: '甲虫', cricket: '蟋蟀', cicada: '知了',
  wild: '野生', wildlife: '野生动物', feather: '羽毛', hunt: '打猎', ecology: '生态', ecological: '生态', carbon: '碳',
  air: '空气', gold: '金', silver: '银', copper: '铜', steel: '钢', oxen: '牛',

  // --- work, business and money ---
  // An "order" is something ordered (takeaway, goods), public order being "disorder"; a "shift" is a
  // work shift, as for the sweepers.
  order: '订单', shift: '班次', scheme: '方案', pilot: '试点', trial: '试点', advertise: '野广告', promote: '宣传',
  concert: '演出', 'on duty': '值班', occupation: '职业', employer: '雇主', employment: '就业', unemployed: '失业',
  unemployment: '失业', earn: '赚', loss: '损失', cash: '现金', coin: '硬币', dollar: '元', yuan: '元', rmb: '元',
  budget: '预算', fund: '资金', financial: '财务', tax: '税', insurance: '保险', debt: '欠款', arrears: '欠款',
  bill: '账单', expense: '费用', afford: '负担', company: '公司', firm: '公司', enterprise: '企业', industry: '行业',
  commercial: '商业', sale: '销售', product: '产品', goods: '商品', quality: '质量', quantity: '数量', amount: '数量',
  supply: '供应', demand: '要求', agreement: '协议', agree: '同意', meeting: '会议', meet: '见面', met: '见面',
  project: '项目', plan: '计划', planning: '规划', program: '项目', programme: '项目', task: '任务', duty: '职责',
  overtime: '加班', labour: '劳动', labor: '劳动', production: '生产', produce: '生产', technology: '技术',
  technical: '技术', skill: '技能', training: '培训', experience: '经验', resource: '资源', energy: '能源',
  power: '电', electric: '电', electrical: '电', solar: '太阳能', owe: '欠', borrow: '借', lend: '借', lent: '借',
  spend: '花', spent: '花', rich: '富', economy: '经济', economic: '经济', operate: '经营', operation: '经营',
  wholesale: '批发', retail: '零售', discount: '打折', pension: '养老金', allowance: '补贴', welfare: '福利',
  benefit: '福利', poverty: '贫困', charity: '慈善', donate: '捐', donation: '捐', aid: '救助', support: '支持',
  assist: '帮忙', assistance: '帮助', effort: '努力', favour: '帮忙', favor: '帮忙', mail: '邮件', reserve: '预约',
  reservation: '预约',

  // --- government, law and society ---
  // To "press" is to press a button in the bot; "lie" is lying on the road (a dead animal, a fallen
  // tree), telling a lie only in "lied"; to "hold" an event is notice wording ("the clean-up will be
  // held").
  press: '按', lie: '躺', lying: '躺', lied: '撒谎', liar: '骗子', hold: '举办', held: '举办', appeal: '申诉',
  negotiate: '协商', mediate: '调解', mediation: '调解', expose: '曝光', guarantee: '保证', relevant: '有关',
  valid: '有效', incident: '事件', secure: '安全', unknown: '不明', organization: '组织', organisation: '组织',
  council: '委员会', committee: '委员会', administration: '管理', admin: '管理员', administrator: '管理员',
  social: '社会', society: '社会', rights: '权利', obligation: '义务', approve: '批准', approval: '批准',
  reject: '拒绝', deny: '拒绝', forbid: '禁止', prohibit: '禁止', crime: '犯罪', arrest: '抓', rob: '抢劫',
  robbery: '抢劫', fraud: '诈骗', scam: '诈骗', cheat: '骗', attack: '攻击', protect: '保护', protection: '保护',
  danger: '危险', fair: '公平', unfair: '不公平', culture: '文化', cultural: '文化', tradition: '传统',
  traditional: '传统', custom: '习俗', festival: '节日', ceremony: '仪式', celebrate: '庆祝', celebration: '庆祝',
  civil: '文明', civilized: '文明', civilised: '文明', civilization: '文明', civilisation: '文明', civility: '文明',
  manners: '礼貌', polite: '礼貌', politely: '礼貌', behavior: '行为', behaviour: '行为', conduct: '行为',
  habit: '习惯', media: '媒体', internet: '网络', online: '网上', web: '网络', network: '网络', wifi: '无线网络',
  software: '软件', digital: '数字', electronic: '电子', legislation: '法律', lawsuit: '官司', sue: '起诉',
  petition: '信访', evidence: '证据', proof: '证明', prove: '证明', investigate: '调查', investigation: '调查',
  national: '国家', municipal: '市', urban: '城市', civic: '市民', nationwide: '全国', provincial: '省',
  enforce: '执法', violate: '违反', violation: '违法', offence: '违法', offense: '违法', breach: '违反',
  comply: '遵守', obey: '遵守', warn: '警告', threaten: '威胁', threat: '威胁', neglect: '没人管', settle: '解决',
  'hidden danger': '隐患',

  // --- learning, knowledge and communication ---
  // "express" is express delivery ("express boxes"); "class" in a sorting question is the class of a
  // waste, as "category"; the "history" asked about is the record of a case; the "subject" is that of a
  // message or matter; to "file" is to file a complaint or report.
  express: '快递', class: '分类', comment: '留言', consult: '咨询', channel: '渠道', figure: '数字',
  'figure out': '知道', sense: '意思', method: '方法', view: '看', history: '记录', subject: '主题', file: '提交',
  'basketball court': '篮球场', broadcast: '广播', education: '教育', lesson: '课', course: '课程', study: '学习',
  learn: '学', learnt: '学', teach: '教', taught: '教', homework: '作业', chemical: '化学品', word: '字',
  read: '读', write: '写', wrote: '写', written: '写', spell: '拼写', page: '页', research: '研究', idea: '想法',
  fact: '事实', truth: '真相', smart: '智能', remember: '记得', remind: '提醒', forgot: '忘记', forgotten: '忘记',
  consider: '考虑', decide: '决定', decision: '决定', choose: '选', chose: '选', chosen: '选', choice: '选择',
  select: '选', option: '选项', compare: '比较', analyse: '分析', analyze: '分析', analysis: '分析',
  calculate: '计算', measure: '测量', measurement: '测量', weigh: '称重', weight: '重量', test: '检测', sample: '样本',
  examine: '检查', examination: '检查', example: '例子', discuss: '讨论', discussion: '讨论', argument: '争吵',
  disagree: '不同意', opinion: '意见', suggest: '建议', advice: '建议', advise: '建议', recommend: '推荐',
  recommendation: '推荐', propose: '建议', proposal: '建议', request: '申请', claim: '要求', criticise: '批评',
  criticize: '批评', criticism: '批评', blame: '怪', apologise: '道歉', apologize: '道歉', apology: '道歉',
  promise: '承诺', invite: '邀请', welcome: '欢迎', introduce: '介绍', announce: '通知', publish: '公布',
  mention: '提到', refer: '参考', reference: '参考', repeat: '重复', chat: '聊天', communicate: '沟通',
  communication: '沟通', signature: '签名', label: '标签', tag: '标签', list: '清单', record: '记录', copy: '复印件',
  print: '打印', draw: '画', drew: '画', drawn: '画', design: '设计', film: '电影', movie: '电影', song: '歌',
  sing: '唱歌', sang: '唱歌', sung: '唱歌', band: '乐队', play: '玩', practice: '练习', practise: '练习', game: '游戏',
  sport: '运动', exercise: '锻炼', football: '足球', basketball: '篮球', ball: '球', team: '队', win: '赢',
  won: '赢', competition: '比赛', contest: '比赛', prize: '奖', award: '奖', letter: '信', note: '备注',
  lecture: '讲座', download: '下载', delete: '删除', forward: '转发', refresh: '刷新', restart: '重启',
  username: '用户名', profile: '资料', encourage: '鼓励', rumour: '谣言', rumor: '谣言', 'tip-off': '举报',
  informant: '举报人', whistleblower: '举报人', 'excuse me': '请问', 'suggestion box': '意见箱',
  'opinion box': '意见箱', 'complaint box': '意见箱',

  // --- materials, shapes and colours ---
  rubber: '橡胶', concrete: '混凝土', asphalt: '沥青', tar: '沥青', liquid: '液体', solid: '固体', acid: '酸',
  substance: '物质', material: '材料', aluminium: '铝', aluminum: '铝', shape: '形状', circle: '圆', line: '线',
  straight: '直', bent: '弯', bend: '弯', curve: '弯道', colour: '颜色', color: '颜色', red: '红', blue: '蓝',
  green: '绿', yellow: '黄', black: '黑', white: '白', grey: '灰', gray: '灰', brown: '棕', pink: '粉红',
  purple: '紫', bright: '亮', transparent: '透明',

  // --- time, calendar, numbers and measures ---
  // Counts and ordinals read as 几, as the number words of english-bridge-daily.ts do; "second" is mostly
  // the ordinal ("second floor"); "present" and "current" are the present time and state of things.
  third: '几', fourth: '几', fifth: '几', six: '几', seven: '几', eight: '几', nine: '几', eleven: '几',
  twelve: '几', fifteen: '几', twenty: '几', thirty: '几', forty: '几', fifty: '几', hundred: '几',
  thousand: '几', million: '几', billion: '几', dozen: '几', zero: '零', half: '一半', halves: '一半',
  quarter: '季度', double: '双', pair: '双', numerous: '很多', countless: '很多', yearly: '每年', annual: '每年',
  annually: '每年', hourly: '每小时', calendar: '日历', january: '一月', february: '二月', march: '三月', april: '四月',
  june: '六月', july: '七月', august: '八月', september: '九月', october: '十月', november: '十一月', december: '十二月',
  jan: '一月', feb: '二月', apr: '四月', jun: '六月', jul: '七月', aug: '八月', sept: '九月', oct: '十月', nov: '十一月',
  dec: '十二月', period: '期间', future: '将来', recent: '最近', modern: '现代', temporary: '临时', temporarily: '临时',
  permanent: '永久', permanently: '永久', brief: '短', short: '短', young: '年轻', end: '结束', pause: '暂停',
  timetable: '时间表', meter: '米', metre: '米', 'water meter': '水表', 'electricity meter': '电表',
  'gas meter': '燃气表', kilometre: '公里', kilometer: '公里', km: '公里', mile: '英里', centimetre: '厘米',
  centimeter: '厘米', cm: '厘米', inch: '寸', kilogram: '公斤', kg: '公斤', kilo: '公斤', gram: '克', ton: '吨',
  tonne: '吨', litre: '升', liter: '升', percent: '百分比', percentage: '比例', total: '总共', sum: '总数',
  average: '平均', maximum: '最多', max: '最多', minimum: '最少', length: '长度', width: '宽度', height: '高度',
  depth: '深度', size: '大小', "o'clock": '点', oclock: '点', hr: '小时', hrs: '小时', mins: '分钟', fortnight: '两周',
  overnight: '晚上', afterward: '以后', beforehand: '以前', meanwhile: '时候', rush: '赶', second: '几',
  present: '现在', current: '目前', moment: '时候', forecast: '预报',

  // --- verbs: moving, body and place ---
  // To "hit" is mostly with a vehicle or a falling thing; to "pass" is to pass an inspection ("pass by"
  // and "passer-by" are keyed); a "point" is one in a sentence ("at this point"); a dog's "lead" is its
  // leash, "led" being the verb.
  hit: '撞', bump: '撞', crush: '压', pass: '通过', 'passer-by': '路人', passerby: '路人', point: '点',
  lead: '牵引绳', run: '跑', ran: '跑', jog: '跑步', jump: '跳', climb: '爬', crawl: '爬', flew: '飞', flown: '飞',
  swam: '游泳', swum: '游泳', sit: '坐', sat: '坐', stand: '站', stood: '站', lay: '放', laid: '放', rise: '上涨',
  enter: '进入', exit: '出口', entry: '入口', escape: '逃跑', hide: '藏', hid: '藏', hidden: '隐蔽', seek: '找',
  sought: '找', appear: '出现', disappear: '消失', kick: '踢', beat: '打', beaten: '打', pull: '拉', drag: '拖',
  lower: '降低', turn: '转', shut: '关', shake: '摇', shook: '摇', pour: '倒', wrap: '包', pack: '打包', hang: '挂',
  mark: '标记', connect: '连接', gather: '聚集', scatter: '散落', divide: '分', split: '分', swap: '换',
  exchange: '换', fill: '填', cover: '覆盖', bury: '埋', buried: '埋', float: '漂', sank: '塌陷', sunk: '塌陷',
  blow: '吹', blew: '吹', blown: '吹', lit: '亮', spat: '吐痰', swear: '骂人', swore: '骂人', curse: '骂人',
  insult: '辱骂', abuse: '辱骂', bully: '欺负', harass: '骚扰', harassment: '骚扰', beg: '乞讨', led: '带领',
  wander: '出没', queue: '排队', knock: '敲', slip: '滑倒', 'turn on': '打开', 'switch on': '打开',
  'switch off': '关闭', 'throw up': '呕吐', 'threw up': '呕吐', 'line up': '排队', 'stay up': '熬夜',
  'pass by': '经过', 'build up': '堆积', 'hand out': '分发', 'turn into': '变',

  // --- verbs: doing, making and handling ---
  // To "save" is to save water, power or money, 节约 in all three.
  save: '节约', restore: '恢复', resume: '恢复', tackle: '处理', locate: '找', spoil: '变质', swallow: '吞',
  automatic: '自动', flee: '逃跑', withdraw: '撤回', rebuild: '重建', misunderstand: '误会', create: '建立',
  destroy: '破坏', ruin: '破坏', fold: '折', serve: '服务', provide: '提供', offer: '提供', deliver: '送',
  include: '包括', contain: '含有', involve: '涉及', prepare: '准备', organise: '组织', organize: '组织',
  arrange: '安排', maintain: '维护', maintenance: '维护', improve: '改善', improvement: '改善', increase: '增加',
  decrease: '减少', reduce: '减少', reduction: '减少', extend: '延长', limit: '限制', restrict: '限制',
  restriction: '限制', adjust: '调整', adjustment: '调整', modify: '修改', set: '设置', accept: '接受', ensure: '确保',
  confirm: '确认', confirmation: '确认', identify: '识别', recognise: '认出', recognize: '认出', realise: '发现',
  realize: '发现', detect: '检测', detection: '检测', monitor: '监测', estimate: '估计', assess: '评估', grade: '等级',
  assign: '分配', distribute: '分发', distribution: '分发', handout: '宣传单', depend: '看', suffer: '受',
  exist: '存在', remain: '剩', 'waste time': '浪费', 'get worse': '变差', 'got worse': '变差', worsen: '变差',
  'happen again': '重新处理', 'occur again': '重新处理', 'write back': '回复', 'wrote back': '回复',
  'ring back': '回电', await: '等', attend: '参加', attract: '吸引',

  // --- verbs: mind, talk and dealings ---
  // To "miss" is to miss a collection or a call; the lost thing is "missing".
  miss: '错过', 'look forward': '想', love: '喜欢', hate: '讨厌', dislike: '不喜欢', enjoy: '喜欢', prefer: '更喜欢',
  suppose: '觉得', expect: '预计', assume: '觉得', understood: '懂', meant: '意思', attempt: '试', fail: '失败',
  failure: '失败', success: '成功', successful: '成功', began: '开始', begun: '开始', force: '强迫', avoid: '避免',
  excuse: '原谅', oppose: '反对', fought: '打架斗殴', mind: '介意', matter: '事', suit: '合适', lack: '缺', spoke: '说',
  spoken: '说', object: '物体',

  // --- qualities ---
  // A bare "complex" is a housing complex ("our complex"); "kind" is "what kind of"; "domestic" waste is
  // household waste (生活垃圾).
  complex: '小区', kind: '种', 'kind of': '种', actual: '真的', adequate: '够', extreme: '特别', typical: '一般',
  physical: '身体', domestic: '生活', wide: '宽', 'single-use': '一次性', broad: '宽', thin: '薄', thick: '厚',
  heavy: '重', strong: '强', weak: '弱', soft: '软', rough: '粗糙', silent: '安静', quietly: '安静', silence: '安静',
  beautiful: '漂亮', lovely: '漂亮', ugly: '难看', unsightly: '难看', busy: '忙', ready: '准备', able: '能',
  unable: '不能', impossible: '不可能', likely: '可能', unlikely: '不会', certain: '一定', false: '假', proper: '正规',
  properly: '好好', appropriate: '合适', suitable: '合适', fit: '合适', convenient: '方便', inconvenient: '不方便',
  convenience: '方便', inconvenience: '不方便', useful: '有用', useless: '没用', helpful: '有用', important: '重要',
  essential: '必须', basic: '基本', main: '主要', major: '主要', primary: '主要', mainly: '主要', central: '中心',
  general: '一般', generally: '一般', common: '常见', usual: '一般', normal: '正常', normally: '一般',
  ordinary: '普通', regular: '定期', regularly: '定期', special: '特殊', particular: '特别', particularly: '特别',
  specific: '具体', obvious: '明显', obviously: '明显', strange: '奇怪', weird: '奇怪', odd: '奇怪', unusual: '异常',
  abnormal: '异常', popular: '受欢迎', entire: '整个', complete: '完成', alone: '独自', various: '各种',
  variety: '各种', similar: '类似', final: '最后', previous: '上', former: '以前', severe: '严重', strict: '严格',
  strictly: '严格', cruel: '残忍', careful: '小心', carefully: '仔细', reasonable: '合理', unreasonable: '不合理',
  ridiculous: '离谱', crazy: '离谱', absurd: '离谱', excellent: '很好', perfect: '很好', amazing: '很好',
  efficient: '高效', effective: '有效', ineffective: '没用', efficiency: '效率', professional: '专业',
  valuable: '值钱', rare: '少见', frequent: '经常', constant: '一直', continuous: '持续', sudden: '突然',
  suddenly: '突然', slowly: '慢', easily: '容易', easy: '容易', difficult: '难', difficulty: '困难', hard: '难',
  simple: '简单', complicated: '复杂', clearly: '清楚', unclear: '不清楚', vague: '不清楚', exact: '准确',
  accurate: '准确', inaccurate: '不准确', correctly: '对', incorrect: '错误', mistake: '错误', badly: '差',
  dim: '暗', darkness: '黑', visible: '看得见', fault: '错',

  // --- adverbs, degree and scaffolding the English stop list lacks ---
  almost: '差不多', nearly: '差不多', approximately: '大约', roughly: '大约', hardly: '很少', rarely: '很少',
  seldom: '很少', certainly: '一定', definitely: '一定', surely: '一定', apparently: '好像', instantly: '马上',
  eventually: '最后', lastly: '最后', mostly: '一般', largely: '一般', fairly: '比较', slightly: '有点',
  somewhat: '有点', kinda: '有点', sorta: '有点', least: '最少', indeed: '真的', truly: '真的', literally: '真的',
  honestly: '其实', frankly: '其实', merely: '只', simply: '就', hopefully: '想', luckily: '幸好',
  fortunately: '幸好', unfortunately: '可惜', regardless: '都', anyhow: '还是', somehow: '好像', whereas: '还是',
  moreover: '还', furthermore: '还', additionally: '还', further: '更', etc: '些', plus: '和', versus: '对',
  vs: '对', despite: '还是', except: '还', beyond: '外', beneath: '下', underneath: '下', amongst: '中',
  whilst: '时候', regarding: '对于', concerning: '对于', according: '按', due: '到期', 'due to': '为',
  'owing to': '为', 'thanks to': '为', none: '没有', whoever: '谁', whichever: '哪个', ours: '我们', theirs: '他们',
  yourselves: '自己', "who's": '谁', wont: '不会', theres: '有', hes: '他', "ain't": '不是', aint: '不是',
  "mustn't": '不能', "needn't": '不用', "should've": '应该', "could've": '能', "would've": '会', "y'all": '你们',
  ya: '你', 'thank-you': '谢谢', thankyou: '谢谢', cheers: '谢谢', np: '好', fyi: '告诉', together: '一起',
  apart: '分开', direct: '直接', directly: '直接', immediate: '马上', ordinarily: '一般', typically: '一般',
  'in order': '为',

  // --- general and abstract nouns ---
  action: '行动', act: '行为', situation: '情况', condition: '情况', circumstance: '情况', trouble: '麻烦',
  purpose: '目的', aim: '目的', goal: '目标', target: '目标', effect: '效果', affect: '影响', influence: '影响',
  impact: '影响', consequence: '后果', outcome: '结果', change: '变化', development: '发展', develop: '发展',
  growth: '增长', spread: '传播', system: '系统', stage: '阶段', model: '型号', version: '版本', part: '部分',
  piece: '块', section: '部分', surface: '表面', content: '内容', topic: '话题', source: '来源', connection: '连接',
  difference: '区别', chance: '机会', opportunity: '机会', value: '价值', worth: '值', access: '进出',
  approach: '方法', alternative: '其他', function: '功能', pressure: '压力', conflict: '矛盾', dispute: '纠纷',
  solution: '办法', priority: '优先', attention: '注意', scene: '现场', appearance: '外观', environmental: '环境',
  sustainable: '环保', 'eco-friendly': '环保', space: '空间', gap: '缝隙', range: '范围', scope: '范围',
  extent: '程度', level: '水平', guideline: '指南', brochure: '宣传册', pamphlet: '宣传册', display: '展示',
  exhibition: '展览',

  // --- more quantity, place and state words ---
  // "round" is "round the corner / the back", near a place; the shape is "circle".
  round: '附近', single: '一', sheet: '张', most: '最', bunch: '很多', loads: '很多', tons: '很多', throughout: '都',
  alongside: '旁边', self: '自己', available: '有', unavailable: '没有', unnecessary: '不用', additional: '更多',
  rainy: '下雨', icy: '结冰', unsure: '不确定', uncertain: '不确定', aware: '知道', unaware: '不知道', fungus: '霉菌',
  fungi: '霉菌', verify: '核实',

  // --- irregular and other inflected forms ---
  // Keyed because neither the singulariser nor the stem reaches their reading: irregular forms,
  // "tied" and "owed" (too short for the stem), "dried" (whose stem is "dri"), "noted" (whose stem
  // "not" is a key of its own), and "bit", the past of "bite" ("a bit" is keyed; "bits" are pieces).
  awoke: '醒', fled: '逃跑', forgave: '原谅', proven: '证明', risen: '上涨', shaken: '摇', shown: '告诉',
  struck: '撞', withdrew: '撤回', withdrawn: '撤回', misunderstood: '误会', rebuilt: '重建', mown: '除草',
  tied: '绑', owed: '欠', denied: '拒绝', dried: '干', noted: '知道', bit: '咬', bits: '碎片', stunk: '臭味',
  flung: '扔', rung: '电话', mistaken: '错误',
};
