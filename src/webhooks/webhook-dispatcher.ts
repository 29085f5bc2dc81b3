import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import axios from 'axios';
import type { GatehouseConfig } from '../config/config';
import { CONFIG } from '../config/config.module';
import { signWebhook } from './webhook-signature';
import { DueDelivery, WebhookRepository } from './webhook.repository';

const BATCH = 20;
const TIMEOUT_MS = 10_000;
const MAX_DELAY_MS = 3_600_000;

/**
 * Sends due outbox deliveries, signed, and schedules retries with exponential backoff and jitter.
 * A receiver's 2xx is success; anything else (or no answer) is retried until `maxAttempts`.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly outbox: WebhookRepository,
    @Inject(CONFIG) private readonly config: GatehouseConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.webhooks.urls.length) return;
    this.timer = setInterval(() => {
      this.running ??= this.drain()
        .catch((error: Error) => this.logger.warn(`Webhook dispatch failed: ${error.message}`))
        .finally(() => (this.running = undefined));
    }, this.config.webhooks.pollMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Sends everything due now; returns when the outbox has nothing due. */
  async drain(): Promise<void> {
    for (;;) {
      const due = await this.outbox.claimDue(BATCH, TIMEOUT_MS * 3);
      if (!due.length) return;
      await Promise.all(due.map((d) => this.send(d)));
    }
  }

  private async send(delivery: DueDelivery): Promise<void> {
    const timestamp = Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'Gatehouse-Webhooks/1',
      'x-gatehouse-event': delivery.event,
      'x-gatehouse-delivery': delivery.id,
      'x-gatehouse-timestamp': String(timestamp),
    };
    if (this.config.webhooks.secret) headers['x-gatehouse-signature'] = signWebhook(this.config.webhooks.secret, timestamp, delivery.body);
    try {
      const response = await axios.post(delivery.url, delivery.body, { headers, timeout: TIMEOUT_MS, validateStatus: () => true, maxRedirects: 0, transformRequest: [(d) => d] });
      if (response.status >= 200 && response.status < 300) return await this.outbox.delivered(delivery.id);
      await this.retryLater(delivery, `HTTP ${response.status}`);
    } catch (error) {
      await this.retryLater(delivery, (error as Error).message);
    }
  }

  private async retryLater(delivery: DueDelivery, error: string): Promise<void> {
    const attempt = delivery.attempts + 1;
    if (attempt >= this.config.webhooks.maxAttempts) {
      this.logger.warn(`Webhook delivery ${delivery.id} (${delivery.event}) abandoned after ${attempt} attempts: ${error}`);
      return this.outbox.failed(delivery.id, error, null);
    }
    const base = Math.min(this.config.webhooks.retryBaseMs * 2 ** (attempt - 1), MAX_DELAY_MS);
    const delay = base / 2 + Math.random() * (base / 2);
    await this.outbox.failed(delivery.id, error, new Date(Date.now() + delay));
  }
}
