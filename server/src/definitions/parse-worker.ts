import { parentPort } from 'node:worker_threads';
import { checkDefinition } from './check-definition.js';

/** One request at a time from the pool; answers with the check, or the error's message. */
parentPort?.on('message', (message: { id: number; xml: string }) => {
  checkDefinition(message.xml).then(
    (check) => parentPort?.postMessage({ id: message.id, check }),
    (error: unknown) => parentPort?.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
