/**
 * The web worker pool's watchdog, with in-process fake workers (Comlink over a
 * MessageChannel): a worker that owes an answer and shows no sign of life is ended and
 * the batch fails with a WorkerStoppedError; one that keeps sending heartbeats through a
 * long chunk is left to finish; the next batch starts a fresh worker.
 */
import { describe, expect, it } from 'vitest';
import * as Comlink from 'comlink';
import { WebWorkerRunner } from '../../src/workers/web-worker-runner.ts';
import { HEARTBEAT, WorkerStoppedError } from '../../src/workers/runner.ts';
import { defaultScenario } from '../../src/engine/index.ts';

type Behaviour = 'silent' | 'slow-but-alive' | 'fine';

/** A Worker stand-in whose `run` answers at once, never, or late with heartbeats meanwhile. */
function fakeWorker(behaviour: Behaviour, log: string[]): Worker {
  const { port1, port2 } = new MessageChannel();
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  Comlink.expose(
    {
      init() {},
      async run(_batch: number, jobs: unknown[]) {
        if (behaviour === 'silent') return new Promise<never>(() => {});
        if (behaviour === 'slow-but-alive') {
          // Four seconds of work, a heartbeat every 100 ms: well past the 1.5 s of silence allowed.
          for (let i = 0; i < 40; i++) {
            await sleep(100);
            port2.postMessage({ type: HEARTBEAT });
          }
        }
        return { count: jobs.length, ms: 0 };
      },
    },
    port2 as unknown as Comlink.Endpoint,
  );
  port1.start();
  const worker = port1 as unknown as Worker & { terminate(): void };
  worker.terminate = () => {
    log.push('terminated');
    port1.close();
    port2.close();
  };
  return worker;
}

const scenario = (() => {
  const s = defaultScenario();
  s.simulation.runs = 2;
  return s;
})();

describe('a worker that stops answering', () => {
  it('is ended and fails the batch with a WorkerStoppedError; the next batch starts afresh', async () => {
    const log: string[] = [];
    const kinds: Behaviour[] = ['silent', 'fine'];
    const runner = new WebWorkerRunner({ workers: 1, stallMs: 200, createWorker: () => fakeWorker(kinds.shift()!, log) });
    const error = await runner.run(scenario, { chunkSize: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkerStoppedError);
    expect((error as WorkerStoppedError).kind).toBe('silent');
    expect((error as Error).message).toMatch(/worker 1 stopped answering/);
    expect(log).toEqual(['terminated']);
    await runner.run(scenario, { chunkSize: 2 });
    runner.dispose();
  });

  it('is told from a slow one by its heartbeat', async () => {
    const log: string[] = [];
    const runner = new WebWorkerRunner({ workers: 1, stallMs: 1500, createWorker: () => fakeWorker('slow-but-alive', log) });
    let done = 0;
    await runner.run(scenario, { chunkSize: 8, onProgress: (d) => (done = d) });
    expect(done).toBe(8);
    expect(log).toEqual([]);
    runner.dispose();
  });
});
