import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { route } from '../../src/cli/route.js';

const PACK = fileURLToPath(new URL('../fixtures/packs/routing.yaml', import.meta.url));

async function run(args: string[], input: string): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const code = await route(args, { stdin: Readable.from([input]), stdout, stderr });
  return { code, out, err };
}

describe('route CLI', () => {
  it('writes one line per input, in order, and exits 0', async () => {
    const input = [
      { id: 1, text: '桂花苑的垃圾桶满了三天没人收' },
      { id: 'b', text: '你好' },
      { id: 3, text: '这里路灯不亮', lat: 39.9034038, lon: 116.4082431, crs: 'gcj02' },
    ]
      .map((o) => JSON.stringify(o))
      .join('\n');
    const { code, out, err } = await run(['--pack', PACK], input);
    expect(err).toBe('');
    expect(code).toBe(0);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.id)).toEqual([1, 'b', 3]);
    expect(lines[0]).toMatchObject({ category: 'rubbish', area: 'guihua-cm', unit: 'cleaning' });
    expect(lines[1]).toMatchObject({ category: null, area: null, unit: 'hub' });
    expect(lines[2]).toMatchObject({ category: 'lamps', area: 'guihua-cm', unit: 'works' });
    for (const l of lines) {
      expect(Object.keys(l)).toEqual(['id', 'category', 'area', 'unit', 'confidence']);
      const c = l.confidence as number;
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThanOrEqual(1);
      expect(Math.round(c * 1000) / 1000).toBe(c);
    }
  });

  it('reports bad lines with their numbers, keeps going, and exits non-zero', async () => {
    const input = [
      '{"id": 1, "text": "路灯坏了"}',
      '{not json',
      '{"id": 3}',
      '{"id": 4, "text": "路灯坏了", "lat": "x", "lon": 116.4}',
      '{"id": 5, "text": "路灯坏了", "lat": 39.9}',
      '{"id": 6, "text": "路灯坏了", "lat": 39.9, "lon": 116.4, "crs": "bd09"}',
      '{"id": 7, "text": "下水道堵了"}',
    ].join('\n');
    const { code, out, err } = await run(['--pack', PACK], input);
    expect(code).not.toBe(0);
    const ids = out.trim().split('\n').map((l) => (JSON.parse(l) as { id: unknown }).id);
    expect(ids).toEqual([1, 7]);
    const errs = err.trim().split('\n');
    expect(errs).toHaveLength(5);
    expect(errs[0]).toMatch(/^line 2: invalid JSON/);
    expect(errs[1]).toMatch(/^line 3: missing "text"/);
    expect(errs[2]).toMatch(/^line 4: bad "lat"/);
    expect(errs[3]).toMatch(/^line 5: "lat" given without "lon"/);
    expect(errs[4]).toMatch(/^line 6: bad "crs"/);
  });

  it('fails with a one-line reason without --pack or with a missing pack', async () => {
    const a = await run([], '');
    expect(a.code).not.toBe(0);
    expect(a.err).toMatch(/missing --pack/);
    const b = await run(['--pack', '/nonexistent/pack.yaml'], '');
    expect(b.code).not.toBe(0);
    expect(b.err).toMatch(/not found/);
  });
});
