// Worker-thread entry: plain JavaScript so Node can start it, then TypeScript through tsx.
import { register } from 'tsx/esm/api';

register();
await import('./node-worker.ts');
