import { EXIT, UsageError } from './cli-error.js';
import { processIo, type Io } from './io.js';

/**
 * Adapts a command function to commander: passes the process's streams,
 * turns the returned number into the exit code and a `UsageError` into a
 * message on stderr with `EXIT.usage`.
 */
export function runAction<A extends unknown[], O>(
  command: (...args: [...A, O, Io]) => Promise<number>,
): (...args: unknown[]) => Promise<void> {
  return async (...args) => {
    // commander calls actions with the arguments, the options, then the command itself.
    const params = args.slice(0, -1) as [...A, O];
    try {
      process.exitCode = await command(...params, processIo);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      processIo.err(`tongban: ${error.message}\n`);
      process.exitCode = EXIT.usage;
    }
  };
}
