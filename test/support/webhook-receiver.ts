import { createServer, IncomingMessage, Server } from 'node:http';

export interface ReceivedWebhook {
  headers: IncomingMessage['headers'];
  body: string;
}

/** A local HTTP endpoint that records webhook deliveries; `failFirst` answers 500 that many times first. */
export async function startWebhookReceiver(options: { failFirst?: number } = {}): Promise<{ url: string; received: ReceivedWebhook[]; attempts: number; close(): Promise<void> }> {
  const state = { received: [] as ReceivedWebhook[], attempts: 0 };
  let failures = options.failFirst ?? 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      state.attempts++;
      if (failures > 0) {
        failures--;
        res.writeHead(500).end('try again');
        return;
      }
      state.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/hook`,
    get received() {
      return state.received;
    },
    get attempts() {
      return state.attempts;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function eventually<T>(probe: () => T | Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
