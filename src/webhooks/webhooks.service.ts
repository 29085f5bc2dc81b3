import { Inject, Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';
import type { GatehouseConfig } from '../config/config';
import { CONFIG } from '../config/config.module';
import { webhookBody, WebhookEvent } from './webhook-event';
import { WebhookRepository } from './webhook.repository';

/** Queues an event for every configured webhook; the dispatcher sends it. Never waits on a receiver. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly outbox: WebhookRepository,
    @Inject(CONFIG) private readonly config: GatehouseConfig,
  ) {}

  async publish(event: WebhookEvent, tx?: Prisma.TransactionClient): Promise<void> {
    const { urls, format } = this.config.webhooks;
    await this.outbox.enqueue(urls.map((url) => ({ event: event.type, url, body: (id: string) => webhookBody(event, format, id) })), tx);
  }

  recent(limit: number) {
    return this.outbox.recent(limit);
  }
}
