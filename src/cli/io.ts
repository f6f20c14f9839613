import type { Config } from '../config.js';

/** Streams a CLI subcommand reads and writes, and the configuration; tests pass their own. */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /**
   * The configuration (DATABASE_URL, PACK ...), parsed from the environment on first use by the
   * CLI's entry point. Default: the built-in defaults.
   */
  config?: () => Config;
}

/** A subcommand takes its arguments (after its own name) and returns the exit code. */
export type Subcommand = (args: string[], io: CliIo) => Promise<number>;

/** Reads `--name value` from args; undefined when absent. */
export function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  if (i === -1) return undefined;
  return args[i + 1];
}
