import type { Writable } from 'node:stream';

/**
 * Wraps the sends of one connection so that everything sent in the same turn of the event loop
 * leaves in ONE socket write. The driver writes each pipelined statement on its own (one
 * `writev` per statement); on loopback and in VMs every write is a system call that also wakes
 * the server, and these took an eighth of the ingesting thread's time (CPU profile, 2 vCPUs).
 *
 * The socket is corked at the first send and uncorked on the next tick. When that send runs in a
 * promise continuation (a transaction's statements all do: it starts after `await pool.connect()`),
 * the tick comes only after every promise job of the turn, so statements issued by further `await`
 * continuations (COMMIT behind a transaction's last statements) join the same write. Nothing waits
 * for I/O or a timer.
 */
export function coalescedWrites(stream: Pick<Writable, 'cork' | 'uncork'>): <T>(send: () => T) => T {
  let corked = false;
  const uncork = () => {
    corked = false;
    stream.uncork();
  };
  return (send) => {
    if (!corked) {
      corked = true;
      stream.cork();
      process.nextTick(uncork);
    }
    return send();
  };
}
