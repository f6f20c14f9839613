/**
 * What the end-to-end products share: a fresh temporary directory holding the SQLite file and the
 * media directory, the demo pack and no logs. `env` adds or overrides variables (channels, tokens).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig, type Config } from '../../src/config.js';

export function productConfig(prefix: string, env: Record<string, string> = {}): { dir: string; config: Config } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const config = parseConfig({
    DATABASE_URL: `file:${join(dir, 'weicheng.db')}`,
    PACK: 'packs/demo/pack.yaml',
    MEDIA_DIR: join(dir, 'media'),
    LOG_LEVEL: 'silent',
    ...env,
  });
  return { dir, config };
}
