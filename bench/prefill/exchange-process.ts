import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort, repoRoot } from '../http/server-process.js';

export interface ExchangeProcess {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

/**
 * The demo exchange in a process of its own (`connectors/src/demo-exchange/main.ts`),
 * with latency injected on every answer, so the sources' time is spent
 * neither in the server's event loop nor in the load generator's.
 */
export async function startExchangeProcess(latency: { ms: number; jitterMs: number }): Promise<ExchangeProcess> {
  const port = await freePort();
  const tsx = pathToFileURL(createRequire(join(repoRoot, 'package.json')).resolve('tsx')).href;
  const child = spawn(process.execPath, ['--import', tsx, 'connectors/src/demo-exchange/main.ts',
    '--port', String(port), '--latency-ms', String(latency.ms), '--latency-jitter-ms', String(latency.jitterMs)], {
    cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  let output = '';
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`The demo exchange did not start:\n${output}`)), 30_000);
    const watch = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('listening on')) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout?.on('data', watch);
    child.stderr?.on('data', watch);
    void exited.then((code) => fail(new Error(`The demo exchange exited with ${code}:\n${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`, port,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
