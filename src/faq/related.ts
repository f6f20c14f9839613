/**
 * Related words: a resident names a thing ("鱼刺", "纸巾", "金毛") where an entry names its class
 * ("厨余垃圾", "其他垃圾", "犬只"). A query word found only through its class counts a little less
 * than the word itself. The garbage lists follow the national four-class sorting guidance and the
 * examples sorting apps give; they are everyday items, not phrasing of any one pack.
 */
const CLASSES: Readonly<Record<string, string>> = {
  厨余垃圾: `鱼刺 鱼骨 骨头 鸡骨头 碎骨 菜汤 剩汤 汤汁 吃剩 剩下的饭 米饭 面条 菜叶 菜帮 菜根 烂菜 果皮 果核 西瓜皮 香蕉皮
    苹果核 橘子皮 烂苹果 烂水果 水果 蛋壳 鸡蛋壳 茶叶 茶渣 茶叶渣 咖啡渣 中药渣 过期食品 零食 面包 蛋糕 瓜子壳 花生壳 虾壳 蟹壳
    鱼鳞 内脏 残渣 食物 饭菜 菜渣 肉 鱼 虾 豆腐 花瓣 落叶 绿植 鲜花 鸡蛋 过期零食 茶包 坚果 玉米棒 玉米芯 甘蔗渣 排骨 鸡骨 鱼头 剩菜汤 酸奶 调料`,
  可回收物: `矿泉水瓶 饮料瓶 塑料瓶 瓶子 易拉罐 罐头 纸箱 纸盒 纸盒子 快递盒 快递箱 快递纸箱 报纸 旧报纸 杂志 书本 旧书 课本
    纸板 旧衣服 衣物 旧衣物 鞋子 毛绒玩具 玻璃瓶 酒瓶 玻璃 金属 铁锅 旧锅 电线 旧手机 电器 家电 塑料盆 塑料桶 洗发水瓶 牛奶盒 纸板箱 包装盒 饮料罐 铝罐 金属罐 玻璃杯 旧书包 书包 塑料玩具 旧玩具 废铁 铝箔 旧电脑 旧电视 旧冰箱 纸袋 打印纸 作业本`,
  有害垃圾: `电池 废电池 干电池 纽扣电池 充电电池 蓄电池 灯管 节能灯 日光灯 荧光灯 灯泡 过期药 过期药品 药品 药片 感冒药
    药瓶 温度计 水银温度计 血压计 油漆 油漆桶 杀虫剂 杀虫剂罐 消毒液 农药 指甲油 染发剂 胶片 硒鼓 墨盒 锂电池 手机电池 充电宝 节能灯泡 荧光灯管 废灯管 过期化妆品 水银 体温计 除草剂 老鼠药 杀虫喷雾`,
  其他垃圾: `纸巾 餐巾纸 卫生纸 厕纸 湿巾 尿不湿 纸尿裤 卫生巾 烟头 烟蒂 陶瓷 碗碟 碎碗 一次性餐具 外卖盒 餐盒 一次性筷子 竹筷
    塑料袋 保鲜膜 口香糖 灰土 猫砂 宠物粪便 大骨头 榴莲壳 椰子壳 贝壳 胶带 创可贴 口罩 奶茶杯 拖把 扫把 旧毛巾 旧牙刷 牙刷 一次性杯子 纸杯 烟灰 花盆 陶瓷碎片 碎瓷片 头发 宠物毛发 橡皮泥 圆珠笔 隐形眼镜 面膜 海绵 污损纸张 脏纸 镜子 打火机`,
  大件垃圾: `沙发 旧沙发 床垫 旧床垫 衣柜 旧衣柜 柜子 床架 旧床 桌子 餐桌 椅子 书架 茶几 床板 席梦思 衣橱 书柜 鞋柜 床 床头柜 旧家具 家具 旧桌椅`,
  装修垃圾: `建渣 碎砖 瓷砖 砖头 水泥 石膏板 木板 废木料 墙皮 碎石 砂石 石灰 碎瓷砖 废瓷砖 旧门窗 门板 马桶 浴缸 洗手盆 旧地板 地板砖 油漆渣`,
  犬只: `金毛 泰迪 哈士奇 柯基 柴犬 拉布拉多 藏獒 大狗 小狗 宠物犬 大型犬 烈性犬 狼狗 土狗 流浪狗`,
  老鼠: `鼠 鼠患 鼠洞 鼠屎`,
  蟑螂: `蟑螂卵 德国小蠊`,
  蚊子: `蚊 孑孓 幼虫 蚊虫叮咬`,
  火灾: `着火 起火 失火 冒烟 火情`,
  噪音: `装修噪音 施工噪音 打桩 电钻 冲击钻 音响 喇叭 大喇叭 叫卖 唱歌 卡拉ok 练琴 打麻将 狗叫 吵架 鸣笛 按喇叭 放音乐`,
  油烟: `炒菜 烧烤 熏烤 排烟 抽油烟机 油烟机 烟道`,
  病媒: `老鼠 蟑螂 蚊子 苍蝇 四害 臭虫 白蚁`,
  公共厕所: `厕所 茅房 蹲位 男厕 女厕`,
  餐饮店: `后厨 厨房 饭堂 食堂 大排档 烧烤店 火锅店 早餐店 奶茶店`,
  从业人员: `厨师 服务员 帮厨 店员 员工 厨工`,
};

/** word -> classes it belongs to. */
export const RELATED: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const [cls, list] of Object.entries(CLASSES)) {
    for (const w of list.split(/\s+/).filter(Boolean)) {
      const l = map.get(w);
      if (l) l.push(cls);
      else map.set(w, [cls]);
    }
  }
  return map;
})();
