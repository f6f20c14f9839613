import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCliCaptured, type CliRun } from '../helpers/cli.js';
import { DEMO, FIXTURES, SMALL } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const run = (args: string[]): Promise<CliRun> => runCliCaptured(args);

describe('pack check (in process)', () => {
  it('prints a one-line OK summary and exits 0 for a valid pack', async () => {
    const r = await run(['pack', 'check', SMALL]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`OK ${SMALL}: 小石镇 (small-town): 3 units, 3 categories, 3 areas, 1 faq, 2 campaigns\n`);
    expect(r.stderr).toBe('');
  });

  it('checks the demo pack; any warning is prefixed', async () => {
    const r = await run(['pack', 'check', DEMO]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^OK .*: 青禾县 \(qinghe-county\): 22 units, 19 categories, 14 areas, 36 faq, 2 campaigns/);
    for (const l of lines.slice(0, -1)) expect(l).toMatch(/^warning: city\.calendar: chinese-days has no holiday schedule for \d{4}/);
  });

  it('prints each problem on its own line and exits 1', async () => {
    const file = join(FIXTURES, 'many-problems.yaml');
    const r = await run(['pack', 'check', file]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    const errors = lines.filter((l) => !l.startsWith('warning: '));
    expect(errors).toHaveLength(15);
    expect(errors).toContain('categories[0].unit: unknown unit "cleanign" (did you mean "cleaning"?)');
    expect(errors).toContain('categories[0].keywods: unknown key (did you mean "keywords"?)');
    expect(lines.filter((l) => l.startsWith('warning: ')).length).toBeGreaterThan(0);
    expect(r.stderr).toBe(`${file}: 15 problems\n`);
  });

  it('names a missing file in one line and exits 1', async () => {
    const r = await run(['pack', 'check', 'nowhere/pack.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('pack file not found: nowhere/pack.yaml\n');
  });

  it('reports a YAML syntax error with its line', async () => {
    const r = await run(['pack', 'check', join(FIXTURES, 'yaml-syntax.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toMatch(/^line 4, column 9: YAML syntax error: /);
  });

  it('prints usage without a file', async () => {
    const r = await run(['pack', 'check']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^usage: /);
  });
});

describe('pack check (real process)', () => {
  const exec = promisify(execFile);

  it('runs through npx tsx with the documented exit codes', async () => {
    const ok = await exec('npx', ['tsx', 'src/cli/index.ts', 'pack', 'check', 'test/fixtures/packs/small.yaml'], { cwd: ROOT });
    expect(ok.stdout).toBe('OK test/fixtures/packs/small.yaml: 小石镇 (small-town): 3 units, 3 categories, 3 areas, 1 faq, 2 campaigns\n');

    const bad = await exec('npx', ['tsx', 'src/cli/index.ts', 'pack', 'check', 'test/fixtures/packs/many-problems.yaml'], { cwd: ROOT }).then(
      () => undefined,
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(bad?.code).toBe(1);
    expect(bad?.stdout).toContain('city.dispatcher: unknown unit "ofice" (did you mean "office"?)\n');
    expect(bad?.stderr).toBe('test/fixtures/packs/many-problems.yaml: 15 problems\n');

    const missing = await exec('npx', ['tsx', 'src/cli/index.ts', 'pack', 'check', 'no/such.yaml'], { cwd: ROOT }).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(missing?.code).toBe(1);
    expect(missing?.stderr).toBe('pack file not found: no/such.yaml\n');
  });
});
