/** A worker thread running the real engine (started through node-worker.mjs). */
import { parentPort } from 'node:worker_threads';
import { compileModel, simulateRun } from '../engine/index.ts';
import { serveWorker } from './node-worker-core.ts';

if (!parentPort) throw new Error('node-worker.ts must run in a worker thread');
serveWorker(parentPort, { compile: compileModel, simulate: simulateRun });
