import { Global, Module } from '@nestjs/common';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookRepository } from './webhook.repository';
import { WebhooksService } from './webhooks.service';

/** Outgoing, signed, retried webhooks for every feature (SLA now, promotions next). */
@Global()
@Module({ providers: [WebhookRepository, WebhooksService, WebhookDispatcher], exports: [WebhooksService] })
export class WebhooksModule {}
