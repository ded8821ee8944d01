// Worker-thread entry for the fit's candidates: plain JavaScript so Node can start it, then TypeScript through tsx.
import { register } from 'tsx/esm/api';

register();
await import('./fit-worker.ts');
