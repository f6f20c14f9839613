import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { faq } from '../../src/cli/faq.js';

const PACK = new URL('../fixtures/packs/faq.yaml', import.meta.url).pathname;

async function run(args: string[], input: string): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const code = await faq(args, { stdin: Readable.from([input]), stdout, stderr });
  return { code, out, err };
}

describe('faq command', () => {
  it('answers JSON lines in order and exits 0', async () => {
    const input = ['{"id":1,"text":"湿垃圾扔哪"}', '{"id":"b","text":"明天会下雨吗"}', '{"id":3,"text":"遛狗要拴绳吗"}'].join('\n');
    const { code, out, err } = await run(['--pack', PACK], `${input}\n`);
    expect(err).toBe('');
    expect(code).toBe(0);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as { id: unknown; faq: string | null; score: number });
    expect(lines.map((l) => l.id)).toEqual([1, 'b', 3]);
    expect(lines.map((l) => l.faq)).toEqual(['food-waste', null, 'dog-rules']);
    for (const l of lines) expect(typeof l.score).toBe('number');
  });

  it('reports bad lines on stderr, keeps going and exits non-zero', async () => {
    const input = ['{"id":1,"text":"公厕几点关门"}', 'not json', '{"text":"no id"}', '{"id":4,"text":5}', '[1]', '{"id":6,"text":"旧沙发怎么处理"}'].join('\n');
    const { code, out, err } = await run(['--pack', PACK], input);
    expect(code).not.toBe(0);
    expect(err.trim().split('\n')).toEqual([
      'line 2: invalid JSON',
      'line 3: missing "id"',
      'line 4: "text" must be a string',
      'line 5: expected a JSON object',
    ]);
    expect(out.trim().split('\n').map((l) => (JSON.parse(l) as { faq: string }).faq)).toEqual(['toilets', 'big-items']);
  });

  it('fails with a one-line reason without --pack or with a missing pack', async () => {
    const a = await run([], '');
    expect(a.code).not.toBe(0);
    expect(a.err).toMatch(/--pack/);
    const b = await run(['--pack', '/nonexistent/pack.yaml'], '');
    expect(b.code).not.toBe(0);
    expect(b.err).toMatch(/not found/);
  });

  it('reports an invalid pack on one stderr line with the count and the first problem', async () => {
    const bad = new URL('../fixtures/packs/many-problems.yaml', import.meta.url).pathname;
    const { code, out, err } = await run(['--pack', bad], '{"id":1,"text":"x"}\n');
    expect(code).not.toBe(0);
    expect(out).toBe('');
    expect(err.endsWith('\n')).toBe(true);
    expect(err.trimEnd().split('\n')).toHaveLength(1);
    expect(err).toMatch(/^faq: .*many-problems\.yaml: \d+ problems, first: \S/);
  });
});
