// A bench thread that only simulates (side-by-side.ts): plain JavaScript so Node can start it, then TypeScript through tsx.
import { register } from 'tsx/esm/api';

register();
await import('./simulate-thread.ts');
