import { parseArgs } from 'node:util';

export type Synchronous = 'FULL' | 'NORMAL';
export type LogLevel = 'silent' | 'fatal' | 'error' | 'warn' | 'info';

export interface HttpBenchArgs {
  readonly quick: boolean;
  readonly json: boolean;
  /** SQLite `synchronous` of the server under test; FULL is the server's default and the figure that counts. */
  readonly synchronous: Synchronous;
  /** The server's LOG_LEVEL; `info` writes one line per request, as a default deployment does. */
  readonly logLevel: LogLevel;
  /** Where the server child writes a V8 CPU profile (`node --cpu-prof`), if anywhere. */
  readonly cpuProfDir: string | undefined;
}

export const USAGE = [
  'usage: pnpm bench:http [--quick] [--json] [--synchronous FULL|NORMAL] [--log-level warn|info|silent] [--cpu-prof DIR]',
  '  --quick                 tiny counts and one run, a smoke run',
  '  --json                  print one JSON object of every figure',
  '  --synchronous LEVEL     SQLite synchronous of the server (default FULL, the server default)',
  '  --log-level LEVEL       the server\'s LOG_LEVEL (default warn: no line per request)',
  '  --cpu-prof DIR          write a V8 CPU profile of the server into DIR (node --cpu-prof)',
  '',
].join('\n');

const LEVELS: readonly LogLevel[] = ['silent', 'fatal', 'error', 'warn', 'info'];

/**
 * The flags of `bench/bench-args.ts` (`--quick`, `--json`, `--help`) plus
 * the server settings this benchmark varies. Undefined when the run should
 * stop: help was printed, or the flags were wrong (exit code 2 is set).
 */
export function readHttpBenchArgs(argv: readonly string[] = process.argv.slice(2)): HttpBenchArgs | undefined {
  const fail = (message: string) => {
    process.stderr.write(`${message}\n${USAGE}`);
    process.exitCode = 2;
    return undefined;
  };
  let values: { quick?: boolean; json?: boolean; help?: boolean; synchronous?: string; 'log-level'?: string; 'cpu-prof'?: string };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        quick: { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
        synchronous: { type: 'string' }, 'log-level': { type: 'string' }, 'cpu-prof': { type: 'string' },
      },
    }));
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return undefined;
  }
  const synchronous = (values.synchronous ?? 'FULL').toUpperCase();
  if (synchronous !== 'FULL' && synchronous !== 'NORMAL') return fail(`--synchronous must be FULL or NORMAL, not ${values.synchronous}`);
  const logLevel = (values['log-level'] ?? 'warn') as LogLevel;
  if (!LEVELS.includes(logLevel)) return fail(`--log-level must be one of ${LEVELS.join(', ')}`);
  return { quick: values.quick === true, json: values.json === true, synchronous, logLevel, cpuProfDir: values['cpu-prof'] };
}
