/** Something Gatehouse tells the outside world about. */
export interface WebhookEvent {
  /** e.g. `sla.breached`, `sla.recovered`, `promotion.approved`. */
  type: string;
  occurredAt: string;
  /** One line for people (and the Slack format's text). */
  summary: string;
  data: Record<string, unknown>;
}

/** The body sent: Gatehouse's own JSON, or a Slack-compatible incoming-webhook message. */
export function webhookBody(event: WebhookEvent, format: 'json' | 'slack', id: string): string {
  if (format === 'json') return JSON.stringify({ id, ...event });
  const fields = Object.entries(event.data)
    .filter(([, v]) => v !== null && typeof v !== 'object')
    .slice(0, 10)
    .map(([k, v]) => ({ type: 'mrkdwn', text: `*${k}*\n${String(v)}` }));
  return JSON.stringify({
    text: event.summary,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${event.type}* — ${event.summary}` } },
      ...(fields.length ? [{ type: 'section', fields }] : []),
      { type: 'context', elements: [{ type: 'mrkdwn', text: `Gatehouse · ${event.occurredAt} · ${id}` }] },
    ],
  });
}
