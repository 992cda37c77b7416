// What the server expects of Node that a web worker lacks: setImmediate (the scheduler yields to
// incoming messages with it). A MessageChannel message runs after the messages already queued,
// like Node's check phase after I/O, and sooner than a 0 ms timeout (clamped to 4 ms when nested).
type Task = () => void;
const g = globalThis as unknown as {
  setImmediate?: (fn: (...a: unknown[]) => void, ...args: unknown[]) => number;
  clearImmediate?: (h: number) => void;
  MessageChannel: new () => { port1: { onmessage: ((e: { data: number }) => void) | null }; port2: { postMessage(m: number): void } };
};
if (typeof g.setImmediate !== 'function') {
  const tasks = new Map<number, Task>();
  let next = 0;
  const channel = new g.MessageChannel();
  channel.port1.onmessage = (e) => {
    const task = tasks.get(e.data);
    tasks.delete(e.data);
    task?.();
  };
  g.setImmediate = (fn, ...args) => {
    const id = ++next;
    tasks.set(id, () => fn(...args));
    channel.port2.postMessage(id);
    return id;
  };
  g.clearImmediate = (id) => { tasks.delete(id); };
}
export {};
