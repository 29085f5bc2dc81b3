import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * `X-Gatehouse-Signature: sha256=<hex>` over `<timestamp>.<body>`, where the timestamp is the
 * `X-Gatehouse-Timestamp` header (Unix seconds). Binding the time in stops replays of old deliveries.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a receiver does: recompute and compare in constant time. */
export function verifyWebhook(secret: string, timestamp: number, body: string, signature: string): boolean {
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
