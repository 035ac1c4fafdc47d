/** Where a command writes and reads, so commands never touch `process` directly. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  readonly input: NodeJS.ReadableStream;
}

export const processIo: Io = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  input: process.stdin,
};

/** Machine output: one JSON document and a newline. */
export function printJson(io: Io, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}
