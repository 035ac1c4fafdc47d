import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * Names this node in `lease_owner`: host and pid say which process holds a
 * lease (and, on a fired timer, which one fired it); the random part keeps
 * two schedulers apart even in one process or after a pid is reused.
 */
export function ownerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}
