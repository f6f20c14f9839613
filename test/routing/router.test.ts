import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPackFile } from '../../src/pack/load.js';
import type { Pack } from '../../src/pack/schema.js';
import { createRouter, type Router } from '../../src/routing/index.js';

const PACK = fileURLToPath(new URL('../fixtures/packs/routing.yaml', import.meta.url));

let pack: Pack;
let router: Router;

beforeAll(async () => {
  pack = (await loadPackFile(PACK)).pack;
  router = createRouter(pack);
});

describe('area', () => {
  it('takes the deepest polygon holding the point', () => {
    expect(router.route({ text: '这里垃圾没人收', lat: 39.902, lon: 116.402 }).area).toBe('guihua-cm');
    expect(router.route({ text: '这里垃圾没人收', lat: 39.899, lon: 116.41 }).area).toBe('liuan-rd');
    expect(router.route({ text: '这里垃圾没人收', lat: 39.915, lon: 116.385 }).area).toBe('qinghe-town');
  });

  it('prefers the point over a place the text names', () => {
    expect(router.route({ text: '北坪乡这边垃圾没人收', lat: 39.902, lon: 116.402 }).area).toBe('guihua-cm');
  });

  it('falls back to the text when no polygon holds the point', () => {
    expect(router.route({ text: '北坪乡垃圾没人收', lat: 10, lon: 10 }).area).toBe('beiping');
    expect(router.route({ text: '垃圾没人收', lat: 10, lon: 10 }).area).toBeNull();
  });

  it('converts a GCJ-02 point before testing WGS-84 polygons', () => {
    // GCJ-02 of WGS-84 (116.402, 39.902): taken as WGS-84 it would fall in the street, not the community.
    const gcj = { lat: 39.9034038, lon: 116.4082431 };
    expect(router.route({ text: '垃圾桶满了', ...gcj, crs: 'gcj02' }).area).toBe('guihua-cm');
    expect(router.route({ text: '垃圾桶满了', ...gcj, crs: 'wgs84' }).area).toBe('liuan-rd');
  });

  it('converts a WGS-84 point for a pack drawn in GCJ-02', () => {
    const gcjPack: Pack = { ...pack, city: { ...pack.city, crs: 'gcj02' } };
    const r = createRouter(gcjPack);
    // WGS-84 (116.402, 39.902) lies at GCJ-02 (116.40824, 39.90340): inside the street only.
    expect(r.route({ text: '垃圾桶满了', lat: 39.902, lon: 116.402, crs: 'wgs84' }).area).toBe('liuan-rd');
    expect(r.route({ text: '垃圾桶满了', lat: 39.902, lon: 116.402, crs: 'gcj02' }).area).toBe('guihua-cm');
  });

  it('takes the longest name the text mentions, then the deeper area', () => {
    expect(router.route({ text: '柳岸路菜市场门口摆摊的太多了' }).area).toBe('qinghe-mkt');
    expect(router.route({ text: '柳岸路桂花苑社区门口垃圾没人收' }).area).toBe('guihua-cm');
    // Same length (3): the deeper area wins.
    expect(router.route({ text: '北坪乡南山村垃圾没人收' }).area).toBe('nanshan-vil');
  });

  it('finds a town without its 镇/乡 suffix, English aliases, and nothing in unrelated words', () => {
    expect(router.route({ text: '北坪有人摆摊' }).area).toBe('beiping');
    expect(router.route({ text: 'cars parked in the fire lane on liuan road' }).area).toBe('liuan-rd');
    expect(router.route({ text: '路边有人摆摊' }).area).toBeNull();
  });

  it('forgives one mistyped character in a long name', () => {
    expect(router.route({ text: '桂花园社区的垃圾桶满了' }).area).toBe('guihua-cm');
  });
});

describe('unit', () => {
  it('walks overrides up from the area, then the category unit', () => {
    expect(router.route({ text: '柳岸路菜市场门口摆摊的太多了' }).unit).toBe('market-office');
    // liuan-rd has no override for stalls; its parent qinghe-town has one.
    expect(router.route({ text: '柳岸路人行道上摆摊的太多了' }).unit).toBe('enforcement');
    expect(router.route({ text: '南山村路边的垃圾堆了一个星期没人清运' }).unit).toBe('beiping-gov');
    expect(router.route({ text: '南山村的路灯不亮' }).unit).toBe('works');
  });

  it('gives the dispatcher when there is no category, whatever the area', () => {
    const r = router.route({ text: '北坪乡这边有个情况' });
    expect(r).toMatchObject({ category: null, area: 'beiping', unit: 'hub' });
  });
});

describe('category', () => {
  it.each([
    ['桂花苑的垃圾桶满了三天没人收', 'rubbish'],
    ['晚上邻居家吵得睡不着', 'noise'],
    ['门口有车乱停，堵着出不去', 'parking'],
    ['路灯坏了', 'lamps'],
    ['小区的下水道堵了，污水到处都是', 'sewer'],
  ])('%s -> %s', (text, category) => {
    expect(router.route({ text }).category).toBe(category);
  });

  it('understands colloquial words the pack does not list', () => {
    expect(router.route({ text: '家里耗子太多了' }).category).toBe('vermin');
    expect(router.route({ text: '厨房里到处是小强' }).category).toBe('vermin');
  });

  it('survives typos and homophones', () => {
    expect(router.route({ text: '拉圾桶满了没人管' }).category).toBe('rubbish');
    expect(router.route({ text: '老属在楼道乱窜' }).category).toBe('vermin');
    expect(router.route({ text: '小区的下水道赌了，污水冒出来了' }).category).toBe('sewer');
  });

  it('routes English reports', () => {
    expect(router.route({ text: 'the trash bins near the school are overflowing' }).category).toBe('rubbish');
    expect(router.route({ text: 'street light is out on our road' }).category).toBe('lamps');
    expect(router.route({ text: 'rats everywhere in the basement' }).category).toBe('vermin');
    expect(router.route({ text: 'someone keeps parking in the fire lane' }).category).toBe('parking');
  });

  it.each(['你好', '在吗？', '谢谢你们', 'asdfghjkl', '😂😂😂', '这里有点问题', 'hello, anyone there?', 'How do I contact you?', ''])(
    'no category for %j',
    (text) => {
      const r = router.route({ text });
      expect(r.category).toBeNull();
      expect(r.unit).toBe('hub');
    },
  );

  it('no category for a question the FAQ answers, though it names a topic', () => {
    expect(router.route({ text: '垃圾分类分几类啊？' }).category).toBeNull();
  });

  it('a report phrased as a question is still a report', () => {
    expect(router.route({ text: '垃圾桶满了三天了，怎么还没人来收？' }).category).toBe('rubbish');
  });

  it('gives a confidence in 0..1, higher for a clear report than a weak one', () => {
    const clear = router.route({ text: '小区垃圾桶满了没人清运，臭死了' });
    const weak = router.route({ text: '老属在楼道乱窜' });
    expect(clear.confidence).toBeGreaterThan(weak.confidence);
    expect(clear.confidence).toBeLessThanOrEqual(1);
    expect(weak.confidence).toBeGreaterThan(0);
    expect(clear.alternatives[0]?.category).toBe('rubbish');
  });

  it('rejects a point out of range', () => {
    expect(() => router.route({ text: '垃圾', lat: 120, lon: 10 })).toThrow(/bad point/);
  });
});
