import { webhookBody } from './webhook-event';
import { signWebhook, verifyWebhook } from './webhook-signature';

const event = { type: 'sla.breached', occurredAt: '2026-01-01T00:00:00.000Z', summary: 'orders-daily is stale', data: { product: 'orders-daily', environment: 'prod', nested: { x: 1 } } };

describe('webhook bodies and signatures', () => {
  it('sends Gatehouse JSON or a Slack-compatible message', () => {
    expect(JSON.parse(webhookBody(event, 'json', 'd1'))).toEqual({ id: 'd1', ...event });
    const slack = JSON.parse(webhookBody(event, 'slack', 'd1'));
    expect(slack.text).toBe('orders-daily is stale');
    expect(slack.blocks[0].text.text).toContain('sla.breached');
    expect(slack.blocks[1].fields.map((f: { text: string }) => f.text)).toEqual(['*product*\norders-daily', '*environment*\nprod']);
  });

  it('signs timestamp and body so that a receiver can verify both', () => {
    const signature = signWebhook('s3cret-s3cret-s3cret', 1700000000, '{"a":1}');
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhook('s3cret-s3cret-s3cret', 1700000000, '{"a":1}', signature)).toBe(true);
    expect(verifyWebhook('s3cret-s3cret-s3cret', 1700000001, '{"a":1}', signature)).toBe(false);
    expect(verifyWebhook('s3cret-s3cret-s3cret', 1700000000, '{"a":2}', signature)).toBe(false);
    expect(verifyWebhook('other-secret-value!!', 1700000000, '{"a":1}', signature)).toBe(false);
  });
});
