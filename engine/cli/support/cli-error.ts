/** Exit codes of every `tongban` command. */
export const EXIT = {
  /** The command did what was asked and found nothing wrong. */
  ok: 0,
  /** The diagram has problems, or the instance did not complete. */
  problems: 1,
  /** Bad usage or a file that could not be read. */
  usage: 2,
} as const;

/**
 * Thrown when the command line or the input file is unusable: the CLI
 * prints the message to stderr and exits with `EXIT.usage`.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
