/**
 * The command line run in process, as `npm run -s cli -- ...` would run it, with what it prints
 * captured: the exit code, stdout and stderr as text.
 */
import { PassThrough } from 'node:stream';
import { runCli } from '../../src/cli/index.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `args` (the words after `--`), with `stdin` as its standard input. */
export async function runCliCaptured(args: string[], stdin = ''): Promise<CliRun> {
  const input = new PassThrough();
  input.end(stdin);
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (c: Buffer) => out.push(c.toString('utf8')));
  stderr.on('data', (c: Buffer) => err.push(c.toString('utf8')));
  const code = await runCli(args, { stdin: input, stdout, stderr });
  return { code, stdout: out.join(''), stderr: err.join('') };
}
