/**
 * In-process fake Web Workers for the pool's tests: an API exposed through Comlink over a
 * MessageChannel, as web-worker.ts is, and a worker that does one thing at a time.
 */
import * as Comlink from 'comlink';

/** Wraps calls so that each waits for the one before: a worker does one thing at a time, in the order asked. */
export function oneAtATime(): <A extends unknown[], R>(f: (...args: A) => R | Promise<R>) => (...args: A) => Promise<R> {
  let busy: Promise<unknown> = Promise.resolve();
  return (f) =>
    (...args) => {
      const done = busy.then(() => f(...args));
      busy = done.catch(() => {});
      return done;
    };
}

/** `api` behind a Worker-shaped port, as the pool's createWorker option expects. */
export function fakeWebWorker(api: object): Worker {
  const { port1, port2 } = new MessageChannel();
  Comlink.expose(api, port2 as unknown as Comlink.Endpoint);
  port1.start();
  const worker = port1 as unknown as Worker & { terminate(): void };
  worker.terminate = () => {
    port1.close();
    port2.close();
  };
  return worker;
}
