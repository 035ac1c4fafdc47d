/**
 * Timers that delay one response each. They never block the event loop,
 * end with the response (client gone, socket closed) and can all be cancelled
 * when the server closes, so no timer outlives the server.
 */
import type { ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';

export type Delays = {
  /** Run `then` after at least `ms` milliseconds, unless the response closes first. */
  after(res: ServerResponse, ms: number, then: () => void): void;
  cancelAll(): void;
};

export function createDelays(): Delays {
  const pending = new Set<() => void>();
  return {
    after(res, ms, then) {
      if (ms <= 0) return then();
      const deadline = performance.now() + ms;
      let timer: NodeJS.Timeout;
      const cancel = () => {
        clearTimeout(timer);
        pending.delete(cancel);
      };
      const fire = () => {
        // Node may fire a timer up to a millisecond early: wait out the rest so the delay is a true lower bound.
        const left = deadline - performance.now();
        if (left > 0) {
          timer = setTimeout(fire, Math.ceil(left));
          return;
        }
        res.off('close', cancel);
        pending.delete(cancel);
        then();
      };
      timer = setTimeout(fire, ms);
      pending.add(cancel);
      res.once('close', cancel);
    },
    cancelAll() {
      for (const cancel of pending) cancel();
    },
  };
}
