/** One way for the command-line tools to read their options: node:util's parseArgs. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * The options after the script's name; a mistyped or unknown option prints `usage` and
 * exits 2, instead of parseArgs' stack trace.
 */
export function argsOrUsage<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs({ args: process.argv.slice(2), ...config } as T);
  } catch (error) {
    if (!(error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) throw error;
    process.stderr.write(usage.endsWith('\n') ? usage : `${usage}\n`);
    process.exit(2);
  }
}
