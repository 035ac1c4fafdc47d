import { parseArgs } from 'node:util';

export interface BenchArgs {
  readonly quick: boolean;
  readonly json: boolean;
}

/**
 * The flags every benchmark takes: `--quick` (a smoke run), `--json` (one
 * JSON object on stdout) and `--help`. Undefined when the run should stop:
 * help was printed, or the flags were wrong (exit code 2 is set).
 */
export function readBenchArgs(usage: string): BenchArgs | undefined {
  let values: { quick?: boolean; json?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { quick: { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    process.exitCode = 2;
    return undefined;
  }
  if (values.help) {
    process.stdout.write(usage);
    return undefined;
  }
  return { quick: values.quick === true, json: values.json === true };
}
