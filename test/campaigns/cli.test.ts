import { PassThrough, Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.js';
import { harness, MONDAY_10H, seed, type Harness } from './helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.dispatcher.stop();
  await h?.db.cleanup();
  h = undefined;
});

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const sink = (f: (s: string) => void) => new Writable({ write: (c, _e, cb) => (f(String(c)), cb()) });
  const code = await runCli(args, { stdin: new PassThrough(), stdout: sink((s) => (out += s)), stderr: sink((s) => (err += s)) });
  return { code, out, err };
}

describe('npm run cli -- campaign status', () => {
  it('prints counts and a progress bar of the latest run', async () => {
    h = await harness({ service: { broadcast: { window: 4 } } });
    await seed(h.store, 10, h.clock.now());
    await h.service.create({ id: 'clean', name: '大扫除', text: '周六大扫除', at: '2026-12-05T09:00:00+08:00' });
    const run = (await h.service.fire('clean', MONDAY_10H))!;
    await h.service.step(run.id);
    await h.dispatcher.drain();
    await h.service.step(run.id);

    const r = await cli(['campaign', 'status', 'clean', '--db', h.db.file, '--pack', 'packs/demo/pack.yaml', '--quiet-hours', 'off']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`campaign clean run ${run.id}`);
    expect(r.out).toContain('[############------------------] 40.0%  4/10');
    expect(r.out).toContain('sent 4  failed 0  skipped 0  pending 6 (in outbox 4)');
    expect(r.out).toMatch(/estimated finish/);

    const list = await cli(['campaign', 'list', '--db', h.db.file, '--pack', 'packs/demo/pack.yaml']);
    expect(list.out).toMatch(/^clean\tactive\t2026-12-05T01:00:00.000Z\t大扫除\tlast run \d+ sending\n$/);
  });

  it('says what is wrong in one line', async () => {
    h = await harness();
    expect(await cli(['campaign', 'status'])).toMatchObject({ code: 2, err: expect.stringMatching(/^campaign status: missing campaign ID\n/) });
    const missing = await cli(['campaign', 'status', 'nope', '--db', h.db.file, '--pack', 'packs/demo/pack.yaml']);
    expect(missing).toMatchObject({ code: 1, err: 'campaign status: no campaign "nope"\n' });
    expect((await cli(['campaign', 'status', 'x', '--run', 'abc'])).err).toBe('campaign status: --run must be a run number, got "abc"\n');
  });
});
