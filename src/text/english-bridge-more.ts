/**
 * More general English vocabulary for the English-to-Chinese bridge, written for this project as a
 * second extension of ENGLISH_BRIDGE (src/text/synonyms.ts) next to EXTRA_ENGLISH_BRIDGE
 * (src/text/english-bridge-extra.ts): the words English-speaking residents of a county use when they
 * write to a city-services bot. This file holds homes, streets, shops, vehicles, construction,
 * emergencies, pests and public hygiene; english-bridge-daily.ts holds household waste, village
 * life, the service itself, time, verbs and scaffolding. Each key maps to the word a county 创卫
 * notice, FAQ or complaint would use in Chinese; where a synonym table of the engine
 * (GENERAL_SYNONYMS, FAQ_SYNONYMS, COLLOQUIAL_PHRASES) has a canonical word, the key maps to that
 * word, and sorted items use the words of the class lists in src/faq/related.ts.
 *
 * Conventions (bridgeEnglish() tries a two-word phrase before a single word, the exact form
 * before the crudely singularised one, and then the stems of the keys, english.ts stem()):
 * - Keys are lower case, singular base forms. An inflected or plural form is a key of its own
 *   only where neither the singulariser nor the stem reaches a key of the same reading: irregular
 *   forms ("bred", "drove", "took up"), a reading of its own ("news" is not "new", "charges" are
 *   fees, "sweepings" are not "sweeping"), or a stem another key holds ("rated" is not "rat").
 * - A few words are keyed only so that the stem fallback does not read them as another key
 *   ("past" would reach "paste", "fell" "felled"); they are listed in
 *   english-bridge-scaffolding.ts.
 * - Two-word keys are phrases whose pair means something its words do not ("fire lane",
 *   "muck truck", "free range"); a phrase key takes the next word with it, so phrases are kept to
 *   pairs that rarely start a longer phrase.
 * - No key repeats an ENGLISH_BRIDGE or EXTRA_ENGLISH_BRIDGE key or is an English stop word of
 *   src/faq/stopwords.ts.
 * - Scaffolding words the English stop list lacks ("over", "because", "him", "i've") map to a
 *   Chinese word the FAQ stop list drops (的, 上, 为, 这里 ...), instead of staying as an unknown
 *   English token that counts against a match.
 * - An ambiguous word takes the reading most likely in this domain; each such choice is commented.
 */
export const MORE_ENGLISH_BRIDGE: Readonly<Record<string, string>> = {
  // --- residential life: compounds, buildings, homes ---
  compound: '小区', 'residential compound': '小区', 'housing estate': '小区', 'residential area': '小区',
  // "estate" in a county is a housing estate; "real estate" goes to the developer.
  estate: '小区', 'real estate': '开发商', developer: '开发商', 'apartment complex': '小区',
  'housing complex': '小区', 'gated community': '小区', 'old compound': '老小区', 'old estate': '老小区',
  'old building': '老小区', 'apartment building': '楼', 'residential building': '楼', 'high-rise': '高层',
  'high rise': '高层', unit: '单元', storey: '楼层', 'top floor': '顶楼',
  'ground floor': '一楼', 'first floor': '一楼', basement: '地下室', garage: '车库',
  'underground garage': '地下车库', 'underground parking': '地下车库', 'car park': '停车场', carpark: '停车场',
  roof: '屋顶', rooftop: '屋顶', terrace: '露台', window: '窗户', windowsill: '窗台', 'window sill': '窗台',
  'window screen': '纱窗', 'fly screen': '纱窗', 'mosquito net': '蚊帐', door: '门', doorway: '门口',
  'front door': '门口', doorstep: '门口', gate: '大门', 'main gate': '大门', wall: '墙', 'outer wall': '外墙',
  'exterior wall': '外墙', ceiling: '天花板', stairway: '楼道', landing: '楼道',
  passage: '通道', passageway: '通道', walkway: '通道', step: '台阶', railing: '栏杆', handrail: '扶手',
  'air conditioner': '空调', 'air conditioning': '空调', aircon: '空调', 'ac unit': '空调外机',
  'outdoor unit': '空调外机', mailbox: '信箱', 'bike shed': '车棚', 'bicycle shed': '车棚', shed: '棚',
  'security guard': '保安', guard: '保安', doorman: '门卫', gatekeeper: '门卫',
  // "security" in a compound is its guards; "public security" is the police.
  security: '保安', 'public security': '警察', 'property company': '物业', 'property manager': '物业',
  'management office': '物业', 'management company': '物业', 'property fee': '物业费',
  'management fee': '物业费', homeowner: '业主', 'owner committee': '业主委员会', renter: '租户', rent: '租房',
  rental: '出租', 'rent out': '出租', sublet: '转租', 'move in': '入住', 'move out': '搬家',
  decorate: '装修', decoration: '装修',
  remodel: '装修', remodelling: '装修', refurbish: '装修', refurbishment: '装修',
  'fire drill': '消防演练', 'electric drill': '电钻', 'power drill': '电钻', hammering: '噪音', banging: '噪音',
  stomping: '噪音', thumping: '噪音', footstep: '噪音', demolish: '拆除',
  demolition: '拆除', 'knock down': '拆除', 'tear down': '拆除', 'torn down': '拆除',
  'illegal building': '违建', 'illegal structure': '违建', 'illegal construction': '违建',
  'illegal extension': '违建', 'illegal shed': '违建', 'unauthorized construction': '违建',
  'unauthorised construction': '违建',
  'clothes drying': '晾晒', 'drying clothes': '晾晒', 'hang laundry': '晾晒',
  'drying rack': '晾衣架', clothesline: '晾衣架', 'falling object': '高空坠物',
  // "thrown from (the 12th floor / a window)": things thrown down from a building.
  'thrown from': '高空抛物', 'threw from': '高空抛物', 'throwing from': '高空抛物',

  // --- water, power and gas at home ---
  'water tank': '水箱', 'water tower': '水箱', 'water pipe': '水管', 'water main': '水管',
  pipe: '管道', pipeline: '管道', 'burst pipe': '爆管', 'pipe burst': '爆管',
  // A "burst" reported to this bot is a burst water pipe.
  burst: '爆管', leakage: '漏水', leaky: '漏水', 'water leak': '漏水',
  seep: '渗水', seepage: '渗水', drip: '滴水', condensation: '滴水',
  damp: '潮湿', dampness: '潮湿', humid: '潮湿', mold: '发霉', mould: '发霉',
  'water supply': '供水', 'water cut': '停水', 'water outage': '停水', 'water shortage': '停水',
  'no power': '停电', 'power cut': '停电', 'power failure': '停电', blackout: '停电',
  // A bare "outage" is mostly a power cut; a water outage comes through the phrase.
  outage: '停电', electricity: '电', 'power supply': '供电', tripped: '跳闸', breaker: '电闸',
  'water pressure': '水压', 'yellow water': '水黄', 'brown water': '水黄', 'rusty water': '水黄',
  'cloudy water': '水浑浊', 'dirty water': '污水', 'drinking water': '自来水', 'running water': '自来水',
  'water quality': '水质', 'water bill': '水费', 'water fee': '水费', 'electricity bill': '电费',
  'gas bill': '燃气费',
  // "well" alone is mostly the adverb, so a water well comes only through phrases.
  'water well': '水井', 'the well': '水井', 'my well': '水井', 'our well': '水井', 'village well': '水井',
  'well water': '井水',
  // The plural is mostly water wells, so it is keyed apart from the adverb.
  wells: '水井', 'as well': '也', well: '好',
  faucet: '水龙头', 'water heater': '热水器', flush: '冲水',
  // A "sink" or "basin" in a complaint is the washbasin.
  sink: '洗手池', basin: '洗手池', 'wash basin': '洗手盆', 'floor drain': '地漏', 'drain pipe': '排水管',
  downpipe: '雨水管', 'rain pipe': '雨水管', 'gas pipe': '燃气管道', 'gas cylinder': '液化气罐',
  'gas tank': '液化气罐', 'gas stove': '燃气灶', 'smell gas': '燃气泄漏', 'gas smell': '燃气泄漏',
  'leaking gas': '燃气泄漏', 'gas leaking': '燃气泄漏', 'gas leakage': '燃气泄漏',
  'carbon monoxide': '一氧化碳中毒', 'coal stove': '煤炉', coal: '煤', charcoal: '炭火',

  // --- neighbours ---
  'next door': '隔壁', 'next-door': '隔壁',
  // "the flat opposite" is the flat across the landing.
  opposite: '对门', piano: '练琴', mahjong: '打麻将', 'mah-jong': '打麻将', quarrel: '吵架',
  quarrelling: '吵架', argue: '吵架', fight: '打架斗殴',
  pigeon: '鸽子', 'bird dropping': '鸟粪',
  // "droppings" is animal dung; it would singularise to "dropping", which reaches "drop" (扔).
  droppings: '粪便',

  // --- streets, roads and public facilities ---
  'fire lane': '消防通道', 'fire escape': '消防通道', 'fire access': '消防通道', 'escape route': '消防通道',
  'emergency exit': '安全出口', 'fire door': '防火门', 'fire extinguisher': '灭火器', extinguisher: '灭火器',
  'fire hydrant': '消防栓', hydrant: '消防栓', 'smoke alarm': '烟感', 'smoke detector': '烟感',
  'fire station': '消防队', 'fire brigade': '消防队', 'fire department': '消防队', firefighter: '消防队',
  fireman: '消防队', firemen: '消防队',
  obstruct: '堵塞',
  obstruction: '堵塞', occupy: '占用', 'take up': '占用',
  'took up': '占用', encroach: '占用',
  'drain cover': '井盖', 'sewer cover': '井盖', grate: '井盖', 'street lamp': '路灯', streetlamp: '路灯',
  'lamp post': '路灯', lamppost: '路灯', 'light pole': '路灯', 'utility pole': '电线杆',
  'electric pole': '电线杆', 'telegraph pole': '电线杆',
  // A "pole" in the street is a utility pole.
  pole: '电线杆', flickering: '闪烁', unlit: '不亮',
  // "dark" in a street complaint is a street with no light.
  dark: '不亮', hole: '坑', crack: '裂缝', bumpy: '坑洼', uneven: '坑洼',
  sunken: '塌陷', sinkhole: '塌陷', subsidence: '塌陷', collapse: '倒塌',
  // "loose" is a loose tile, cover or railing; dogs running loose come through the phrase.
  loose: '松动', 'running loose': '散养', 'paving stone': '地砖', 'paving slab': '地砖', paver: '地砖',
  curb: '路边', kerb: '路边', roadside: '路边', 'road surface': '路面', crosswalk: '斑马线',
  'zebra crossing': '斑马线', 'traffic light': '红绿灯', intersection: '十字路口', crossroad: '十字路口',
  junction: '路口', 'street corner': '路口', roundabout: '环岛', overpass: '天桥',
  footbridge: '天桥', underpass: '地下通道', bridge: '桥', alley: '巷子', alleyway: '巷子',
  'back alley': '背街小巷', 'back street': '背街小巷', hutong: '巷子', avenue: '道路', 'main road': '马路',
  highway: '公路', 'traffic jam': '堵车', congestion: '堵车', 'speed bump': '减速带', guardrail: '护栏',
  bollard: '隔离桩', 'blind lane': '盲道', 'tactile paving': '盲道', 'blind path': '盲道',
  'bus shelter': '公交站', 'bus station': '汽车站', 'train station': '火车站', 'railway station': '火车站',
  bench: '长椅', 'fitness equipment': '健身器材', 'exercise equipment': '健身器材', playground: '游乐场',
  camera: '监控', cctv: '监控', surveillance: '监控', 'bulletin board': '宣传栏', 'notice board': '宣传栏',
  noticeboard: '宣传栏', 'vacant lot': '空地', 'empty lot': '空地', 'vacant land': '空地', 'empty land': '空地',
  wasteland: '荒地', 'public square': '广场',

  // --- shops, signs, stalls and markets ---
  'shop front': '门面', shopfront: '门面', storefront: '门面', 'store front': '门面', 'shop sign': '招牌',
  'store sign': '招牌', signboard: '招牌', billboard: '广告牌', 'light box': '灯箱', lightbox: '灯箱',
  neon: '霓虹灯', 'led screen': '电子屏', awning: '雨棚', canopy: '雨棚',
  // A bare "sign" is a sign or signboard in the street; signing up comes through the phrases.
  sign: '标识', 'sign up': '报名', signup: '报名', 'sign-up': '报名',
  'sign in': '登录', 'log in': '登录', login: '登录',
  banner: '横幅', slogan: '标语', announcement: '公告', 'public notice': '公告', leaflet: '野广告',
  handbill: '野广告', 'spray paint': '乱涂乱画', scribble: '乱涂乱画',
  doodle: '乱涂乱画', paste: '张贴', pasted: '张贴', pasting: '张贴',
  'tear off': '铲除', 'peel off': '铲除', 'scrape off': '铲除',
  'street stall': '占道经营', 'roadside stall': '占道经营', 'mobile vendor': '占道经营',
  'mobile stall': '占道经营', peddler: '摊贩', pedlar: '摊贩', peddling: '占道经营', hawking: '叫卖',
  'fruit stall': '水果摊', 'food cart': '占道经营', cart: '推车', pushcart: '推车',
  'goods outside': '出店经营', 'street food': '小吃',
  'farmer market': '农贸市场', "farmers' market": '农贸市场',
  'food market': '农贸市场', 'vegetable market': '农贸市场', 'fresh market': '农贸市场',
  'meat market': '农贸市场', 'morning market': '早市', 'street market': '马路市场', 'market day': '赶集',
  supermarket: '超市', grocery: '超市', 'convenience store': '便利店', 'corner shop': '小卖部',
  mall: '商场', 'shopping mall': '商场', butcher: '肉铺', seafood: '海鲜', slaughter: '宰杀',
  slaughterhouse: '屠宰场', bakery: '面包店', 'milk tea': '奶茶', 'bubble tea': '奶茶',
  'breakfast shop': '早餐店', hotpot: '火锅店', 'hot pot': '火锅店', bbq: '烧烤', barbecue: '烧烤',
  barbeque: '烧烤', grill: '烧烤', skewer: '烧烤', kebab: '烧烤',
  'street barbecue': '露天烧烤', 'outdoor barbecue': '露天烧烤', 'outdoor bbq': '露天烧烤', 'open-air': '露天',
  'open air': '露天', canteen: '食堂', cafeteria: '食堂', 'dining hall': '食堂', 'snack bar': '餐饮店',
  takeout: '外卖', 'take-out': '外卖', 'food delivery': '外卖', meituan: '外卖',
  // A bare "delivery" to a hygiene bot is mostly food delivery; parcels come through "courier".
  delivery: '外卖', 'delivery rider': '骑手', 'delivery man': '骑手', 'delivery guy': '骑手',
  'delivery driver': '骑手', courier: '快递', 'express delivery': '快递', 'delivery box': '快递盒',
  'express box': '快递盒', 'shipping box': '快递盒', bar: '酒吧', pub: '酒吧', nightclub: '酒吧',

  // --- parking, vehicles, e-bikes ---
  'illegal parking': '违停', 'illegally parked': '违停', 'parked illegally': '违停', 'badly parked': '违停',
  'wrongly parked': '违停', 'double parked': '违停', 'no parking': '禁止停车',
  'parking ticket': '罚单', 'parking fee': '停车费', 'parking spot': '车位', 'parking place': '车位',
  tow: '拖车', 'tow truck': '拖车', 'towed away': '拖车', 'zombie car': '僵尸车',
  'abandoned car': '僵尸车', 'abandoned vehicle': '僵尸车', 'abandoned bike': '僵尸车',
  'electric bike': '电动车', 'electric bicycle': '电动车', 'electric scooter': '电动车', 'e-scooter': '电动车',
  'battery bike': '电动车', moped: '摩托车', motorbike: '摩托车', motorcycle: '摩托车', tricycle: '三轮车',
  trike: '三轮车', 'three-wheeler': '三轮车', rickshaw: '三轮车', 'mobility scooter': '老年代步车',
  'shared bicycle': '共享单车', 'bike sharing': '共享单车', 'bike-sharing': '共享单车',
  'shared scooter': '共享单车', hellobike: '共享单车', deposit: '押金', refund: '退款',
  'charging station': '充电桩', 'charging pile': '充电桩', 'charging point': '充电桩', 'charging post': '充电桩',
  'extension cord': '飞线充电', 'extension cable': '飞线充电', 'extension lead': '飞线充电',
  'charge indoors': '室内充电', 'charging upstairs': '室内充电',
  helmet: '头盔', 'license plate': '车牌', 'licence plate': '车牌', 'number plate': '车牌',
  'plate number': '车牌', driver: '司机', drive: '开车', drove: '开车', speeding: '超速',
  taxi: '出租车', van: '面包车', minibus: '中巴', tractor: '拖拉机', 'farm vehicle': '农用车',
  lorry: '货车', 'heavy truck': '货车', 'traffic police': '交警', traffic: '交通',

  // --- construction, muck trucks, dust ---
  'muck truck': '渣土车', 'dump truck': '渣土车', 'dumper truck': '渣土车', 'dirt truck': '渣土车',
  'earth truck': '渣土车', tipper: '渣土车', 'tipper truck': '渣土车', 'cement mixer': '搅拌车',
  'concrete mixer': '搅拌车', 'mixer truck': '搅拌车', mud: '泥', muddy: '泥', spill: '抛洒',
  spilt: '抛洒', spillage: '抛洒', dusty: '扬尘', 'dust cloud': '扬尘', uncovered: '未覆盖',
  'not covered': '未覆盖', sprinkler: '洒水', watering: '洒水', 'sprinkler truck': '洒水车',
  'water truck': '洒水车', hoarding: '围挡', 'site fence': '围挡', 'wheel washing': '冲洗',
  'night construction': '夜间施工', 'night work': '夜间施工',
  // "piling" on a site is pile driving; piling things up comes through "pile up".
  piling: '打桩', 'pile driving': '打桩', 'pile driver': '打桩', excavator: '挖掘机', digger: '挖掘机',
  crane: '塔吊', roadwork: '施工', 'road work': '施工', dig: '挖', dug: '挖',
  'construction debris': '装修垃圾', 'renovation waste': '装修垃圾', 'renovation debris': '装修垃圾',
  'building waste': '装修垃圾', 'building rubble': '装修垃圾', 'construction rubble': '装修垃圾',
  'decoration waste': '装修垃圾', debris: '装修垃圾',

  // --- fire and emergencies ---
  'on fire': '火灾', 'caught fire': '火灾', 'catch fire': '火灾', blaze: '火灾', flame: '火灾',
  explosion: '爆炸', explode: '爆炸', 'gas explosion': '燃气爆炸',
  drown: '落水', 'electric shock': '触电', electrocuted: '触电', electrocution: '触电',
  'live wire': '电线', 'exposed wire': '电线', 'bare wire': '电线', 'hanging wire': '电线',
  'short circuit': '短路',
  // "trapped" and "stuck" read as people trapped (in a lift, a flood); a stuck drain is "blocked".
  trapped: '被困', stuck: '被困', faint: '晕倒', unconscious: '晕倒', 'passed out': '晕倒',
  heatstroke: '中暑', 'heat stroke': '中暑', 'car accident': '交通事故', 'traffic accident': '交通事故',
  // A "crash" reported here is a road crash; an app that crashes is an "error".
  'car crash': '交通事故', crash: '交通事故', rescue: '救援', sos: '紧急情况',
  'life-threatening': '紧急情况', waterlogged: '积水',
  inundated: '淹', storm: '暴雨', rainstorm: '暴雨', 'heavy rain': '暴雨', downpour: '暴雨', typhoon: '台风',
  landslide: '山体滑坡', 'call police': '报警',

  // --- pests and bites ---
  wriggler: '孑孓', bedbug: '臭虫', lice: '虱子', louse: '虱子',
  // A "tick" in a pest question is the parasite.
  tick: '蜱虫', mite: '螨虫', spider: '蜘蛛', centipede: '蜈蚣', snake: '蛇', bee: '蜜蜂', hornet: '马蜂',
  'wasp nest': '马蜂窝', 'hornet nest': '马蜂窝', beehive: '马蜂窝', nest: '窝', moth: '飞蛾', gnat: '飞虫',
  midge: '飞虫', 'fruit fly': '果蝇', 'drain fly': '飞虫', worm: '虫子', caterpillar: '虫子', snail: '蜗牛',
  slug: '蜗牛', infestation: '泛滥', infested: '泛滥', swarm: '成群',
  burrow: '鼠洞', 'rat hole': '鼠洞', 'rat dropping': '鼠屎', 'mouse dropping': '鼠屎', gnawed: '啃咬',
  chewed: '啃咬',
  // "breed" is the verb ("mosquitoes breed in it"); a dog's breed comes through "dog breed".
  breed: '滋生', bred: '滋生', 'stagnant water': '积水', stagnant: '积水', 'still water': '积水',
  'flower pot': '花盆', 'plant pot': '花盆', bucket: '水桶', pail: '水桶', vase: '花瓶',
  'rat poison': '灭鼠药', 'mouse trap': '捕鼠笼', mousetrap: '捕鼠笼', 'rat trap': '捕鼠笼',
  'sticky trap': '粘鼠板', 'bait station': '毒饵站', 'mosquito coil': '蚊香', 'bug spray': '杀虫剂',
  'insect spray': '杀虫喷雾', repellent: '驱蚊', 'insect repellent': '驱蚊', 'mosquito repellent': '驱蚊',
  'mosquito lamp': '灭蚊灯', 'bug zapper': '灭蚊灯', 'fly swatter': '苍蝇拍', flypaper: '粘蝇纸',
  'fly paper': '粘蝇纸', 'fly trap': '灭蝇',
  // "a bit" and "a little bit" are amounts; a bare "bit" stays the past of "bite" through its stem.
  'a bit': '一点', 'little bit': '一点',
  'bug bite': '叮咬', 'insect bite': '叮咬', sting: '叮咬', stung: '叮咬', itchy: '痒', itch: '痒',
  rash: '皮疹', scratch: '抓伤', tetanus: '破伤风',
  bleeding: '出血', wound: '伤口', fogging: '消杀', exterminator: '消杀',
  extermination: '消杀', exterminate: '消杀',

  // --- hygiene of food businesses: licences, inspections, kitchens ---
  'back kitchen': '后厨', 'cutting board': '砧板', 'chopping board': '砧板', raw: '生',
  'cross contamination': '生熟不分', 'range hood': '抽油烟机', 'extractor fan': '抽油烟机',
  'exhaust fan': '排风扇', 'fume purifier': '油烟净化器', 'oil fume': '油烟', 'cooking smoke': '油烟',
  'kitchen smoke': '油烟', 'kitchen exhaust': '油烟', 'car exhaust': '尾气', chimney: '烟囱', flue: '烟道',
  'gutter oil': '地沟油', 'waste oil': '地沟油', 'used oil': '地沟油', 'recycled oil': '地沟油',
  'grease trap': '隔油池', 'oil separator': '隔油池', tableware: '餐具', utensil: '餐具', cutlery: '餐具',
  dish: '餐具', 'washing dishes': '洗碗', dishwashing: '洗碗',
  // A "plate" asked about is a dish; a car's plate comes through "license plate".
  plate: '碗碟', sterilize: '消毒', sterilise: '消毒',
  sterilization: '消毒', sanitize: '消毒', sanitise: '消毒', sanitizer: '消毒液', sanitiser: '消毒液',
  disinfectant: '消毒液', bleach: '消毒液',
  'disinfection cabinet': '消毒柜', 'health cert': '健康证', 'health card': '健康证', 'health permit': '健康证',
  'food handler': '从业人员', 'food worker': '从业人员', employee: '员工',
  // A "worker" here is a labourer or a shop's staff; sanitation workers come through the phrase.
  worker: '工人', workman: '工人', workmen: '工人', 'food licence': '食品经营许可证',
  'food license': '食品经营许可证', 'food permit': '食品经营许可证', 'hygiene permit': '卫生许可证',
  'hygiene licence': '卫生许可证', 'hygiene license': '卫生许可证', 'sanitation permit': '卫生许可证',
  'operating licence': '营业执照', 'operating license': '营业执照',
  'without licence': '无证经营', 'without license': '无证经营', 'without permit': '无证经营',
  'no licence': '无证经营', 'no license': '无证经营', 'no permit': '无证经营', unlicenced: '无证',
  unregistered: '无证', 'illegal workshop': '黑作坊', 'black workshop': '黑作坊',
  'underground workshop': '黑作坊', workshop: '小作坊', inspector: '执法人员',
  'spot check': '抽查', 'random check': '抽查', 'surprise inspection': '暗访',
  'unannounced inspection': '暗访', undercover: '暗访', rectify: '整改', rectified: '整改',
  rectification: '整改', punish: '罚款', punishment: '罚款', warning: '警告',
  'shut down': '关停', 'close down': '关停', shutdown: '关停', confiscate: '没收',
  seized: '没收', suspend: '停业',
  'expiry date': '保质期', 'expiration date': '保质期', 'best before': '保质期', 'use by': '保质期',
  'sell-by': '保质期', 'shelf life': '保质期', 'out-of-date': '过期',
  spoiled: '变质', spoilt: '变质', 'gone bad': '变质', 'gone off': '变质', rancid: '变质', stale: '变质',
  contaminated: '污染', contamination: '污染', fake: '假冒', counterfeit: '假冒', 'foreign object': '异物',
  'foreign matter': '异物',

  // --- public places: hotels, barbers, bathhouses, pools, clinics, schools ---
  hotel: '宾馆', motel: '宾馆', hostel: '旅馆', guesthouse: '旅馆', inn: '旅馆', homestay: '民宿',
  bnb: '民宿', airbnb: '民宿', bedsheet: '床单', 'bed sheet': '床单',
  // "sheets" at a hotel are bed sheets.
  sheets: '床单', towel: '毛巾',
  linen: '布草', barber: '理发店', barbershop: '理发店', 'hair salon': '理发店', hairdresser: '理发店',
  haircut: '理发', 'beauty salon': '美容院', 'nail salon': '美甲店', salon: '美容美发',
  bathhouse: '公共浴室', 'bath house': '公共浴室', 'public bath': '公共浴室', sauna: '桑拿',
  'foot massage': '足浴', 'foot spa': '足浴', spa: '洗浴', massage: '按摩', 'swimming pool': '游泳池',
  // A "pool" asked about is a swimming pool; a pool of water is "puddle" or "standing water".
  pool: '游泳池', swim: '游泳', gym: '健身房', cybercafe: '网吧', 'net cafe': '网吧',
  'internet bar': '网吧', cinema: '电影院', theater: '影剧院', theatre: '影剧院',
  // A "nursery" asked about is a childcare nursery, as "kindergarten".
  kindergarten: '幼儿园', nursery: '幼儿园', daycare: '托育', 'primary school': '小学',
  'middle school': '中学', 'high school': '中学', 'school gate': '校门口', campus: '校园',
  'nursing home': '养老院', 'elderly home': '养老院', temple: '寺庙',
  cemetery: '墓地', graveyard: '墓地', grave: '坟', tomb: '坟',
  clinic: '诊所', 'health center': '卫生院', 'health centre': '卫生院', 'township hospital': '卫生院',
  'community hospital': '卫生院', pharmacy: '药店', drugstore: '药店', chemist: '药店', doctor: '医生',
  nurse: '护士', cdc: '疾控中心', 'disease control': '疾控', 'health commission': '卫健委',
  'health bureau': '卫健局',

  // --- health and medical waste ---
  patient: '病人', hospitalized: '住院', hospitalised: '住院', fever: '发烧', diarrhea: '腹泻',
  diarrhoea: '腹泻', vomit: '呕吐', 'stomach ache': '肚子疼',
  stomachache: '肚子疼', 'upset stomach': '腹泻', headache: '头疼', poisoned: '中毒',
  poisoning: '中毒', ill: '生病', illness: '疾病', infectious: '传染病', contagious: '传染',
  epidemic: '疫情', outbreak: '疫情', flu: '流感', influenza: '流感', 'bird flu': '禽流感',
  'swine fever': '猪瘟', covid: '新冠', cholera: '霍乱', hepatitis: '肝炎', tuberculosis: '结核',
  measles: '麻疹', virus: '病毒', bacteria: '细菌', germ: '细菌', 'medical waste': '医废',
  'clinical waste': '医废', syringe: '针头', 'used needle': '针头', sharps: '针头', 'band-aid': '创可贴',
  bandaid: '创可贴', bandage: '创可贴', 'cotton swab': '棉签', gauze: '纱布', infusion: '输液',
  'expired medicine': '过期药品', 'expired drug': '过期药品',
  // A "drug" in a sorting question is a medicine.
  drug: '药品', medication: '药品', capsule: '药片', ointment: '药膏', mercury: '水银',
  'blood pressure': '血压',
};
