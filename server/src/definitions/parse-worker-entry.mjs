// Worker threads start as plain Node: register the TypeScript loader, then load the worker.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
