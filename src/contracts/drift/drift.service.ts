import { Inject, Injectable } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import type { Principal } from '../../auth/principal';
import { DataProductsService } from '../../catalog/data-products.service';
import type { DeclaredOutput } from '../../catalog/manifest/manifest.schema';
import { DomainError } from '../../common/errors/domain-error';
import type { Page } from '../../common/pagination';
import type { GatehouseConfig } from '../../config/config';
import { CONFIG } from '../../config/config.module';
import { namespacesOf } from '../../lineage/environments';
import { datasetNodeId } from '../../lineage/node-id';
import { MetricsService } from '../../metrics/metrics.service';
import { WebhooksService } from '../../webhooks/webhooks.service';
import { ContractDriftRepository, DriftQuery, DriftView } from './contract-drift.repository';
import { ObservedSchema, ObservedSchemaRepository } from './observed-schema.repository';
import { DriftFinding, schemaDrift } from './schema-drift';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** One output of one product in one environment: what lineage observed and how it disagrees with the declaration. */
export interface OutputObservation {
  environment: string;
  /** Null while lineage reported no schema for the output there. */
  observed: ObservedSchema | null;
  /** Empty when the observed schema matches (or nothing was observed or declared). */
  findings: DriftFinding[];
}

export interface OutputContract {
  output: string;
  namespace: string;
  name: string;
  declared: DeclaredOutput['schema'] | null;
  environments: OutputObservation[];
}

export interface ProductContract {
  product: string;
  revision: number;
  outputs: OutputContract[];
  /** Drift records still open, newest first. */
  openDrift: DriftView[];
}

export interface DriftEvaluation {
  evaluatedAt: string;
  opened: DriftView[];
  resolved: DriftView[];
}

const keyOf = (product: string, output: string, environment: string) => `${product}\u0000${output}\u0000${environment}`;

/**
 * Contract drift: the schema each output declares against the newest schema lineage observed for
 * it in each environment. An evaluation opens a drift record where they disagree, updates its
 * findings while it lasts and resolves it once they agree again (or the output, its schema or the
 * product is gone), like an SLA breach: announced on the webhooks and exported as metrics.
 */
@Injectable()
export class DriftService {
  private readonly driftGauge: Gauge<'product' | 'environment'>;
  private readonly transitions: Counter<'transition'>;

  constructor(
    private readonly products: DataProductsService,
    private readonly observedSchemas: ObservedSchemaRepository,
    private readonly repository: ContractDriftRepository,
    private readonly webhooks: WebhooksService,
    metrics: MetricsService,
    @Inject(CONFIG) private readonly config: GatehouseConfig,
  ) {
    this.driftGauge = new Gauge({ name: 'gatehouse_contract_drift', help: 'Outputs whose observed schema disagrees with the declared one, per product and environment', labelNames: ['product', 'environment'], registers: [metrics.registry] });
    this.transitions = new Counter({ name: 'gatehouse_contract_drift_transitions_total', help: 'Contract drifts opened and resolved', labelNames: ['transition'], registers: [metrics.registry] });
  }

  /** Each output's declared schema and, per environment, the observed one and the disagreements. */
  async observe(outputs: DeclaredOutput[]): Promise<OutputContract[]> {
    return Promise.all(
      outputs.map(async (o) => ({
        output: datasetNodeId(o.namespace, o.name),
        namespace: o.namespace,
        name: o.name,
        declared: o.schema ?? null,
        environments: await Promise.all(
          this.config.environments.map(async (environment) => {
            const observed = await this.observedSchemas.latest(o, namespacesOf(this.config, environment));
            return { environment, observed, findings: o.schema && observed ? schemaDrift(o.schema, observed.fields) : [] };
          }),
        ),
      })),
    );
  }

  /** The contract as the product page shows it. */
  async ofProduct(name: string, actor: Principal): Promise<ProductContract> {
    const product = await this.products.get(name, actor);
    const [outputs, open] = await Promise.all([this.observe(product.manifest.spec.outputs), this.repository.list({ product: name, open: true, limit: 200 })]);
    return { product: name, revision: product.revision, outputs, openDrift: open.items };
  }

  async list(query: DriftQuery, actor: Principal): Promise<Page<DriftView>> {
    if (query.after && !UUID.test(query.after)) throw DomainError.validation([{ field: 'query.cursor', message: 'is not a cursor returned by this API' }]);
    if (query.product) await this.products.get(query.product, actor);
    const page = await this.repository.list(query);
    const readable = await this.products.readableAmong([...new Set(page.items.map((d) => d.product))], actor);
    return { ...page, items: page.items.filter((d) => readable.has(d.product)) };
  }

  /** Opens, updates and resolves drift records from what lineage observed by now. */
  async evaluate(now = new Date()): Promise<DriftEvaluation> {
    const products = (await this.products.activeIdentities()).filter((p) => p.outputs.some((o) => o.schema));
    const current = new Map<string, { product: string; revision: number; output: string; environment: string; observation: OutputObservation }>();
    for (const product of products) {
      for (const contract of await this.observe(product.outputs.filter((o) => o.schema))) {
        for (const observation of contract.environments) {
          if (!observation.observed) continue;
          current.set(keyOf(product.name, contract.output, observation.environment), { product: product.name, revision: product.revision, output: contract.output, environment: observation.environment, observation });
        }
      }
    }
    const { opened, resolved, open } = await this.repository.exclusively(async (tx) => {
      const opened: DriftView[] = [];
      const resolved: DriftView[] = [];
      const stillOpen: DriftView[] = [];
      const existing = new Map((await this.repository.openDrifts(tx)).map((d) => [keyOf(d.product, d.output, d.environment), d]));
      for (const [key, c] of current) {
        const drift = existing.get(key);
        existing.delete(key);
        const { findings, observed } = c.observation;
        const observedAt = new Date(observed!.observedAt);
        if (findings.length && !drift) {
          const view = await this.repository.open(tx, { productName: c.product, output: c.output, environment: c.environment, revision: c.revision, findings, observedAt, openedAt: observedAt });
          opened.push(view);
          stillOpen.push(view);
        } else if (findings.length && drift) {
          const same = JSON.stringify(drift.findings) === JSON.stringify(findings) && drift.revision === c.revision;
          stillOpen.push(same ? drift : await this.repository.update(tx, drift.id, { revision: c.revision, findings, observedAt }));
        } else if (drift) {
          resolved.push(await this.repository.resolve(tx, drift.id, observedAt));
        }
      }
      // the output, its declared schema or the product is gone: that drift is over
      for (const stale of existing.values()) resolved.push(await this.repository.resolve(tx, stale.id, now));
      for (const d of opened) await this.webhooks.publish(driftEvent('contract.drifted', d), tx);
      for (const d of resolved) await this.webhooks.publish(driftEvent('contract.drift-resolved', d), tx);
      return { opened, resolved, open: stillOpen };
    });
    this.transitions.inc({ transition: 'opened' }, opened.length);
    this.transitions.inc({ transition: 'resolved' }, resolved.length);
    this.driftGauge.reset();
    const counts = new Map<string, { product: string; environment: string; n: number }>();
    for (const d of open) {
      const k = `${d.product}\u0000${d.environment}`;
      counts.set(k, { product: d.product, environment: d.environment, n: (counts.get(k)?.n ?? 0) + 1 });
    }
    for (const c of counts.values()) this.driftGauge.set({ product: c.product, environment: c.environment }, c.n);
    return { evaluatedAt: now.toISOString(), opened, resolved };
  }
}

function driftEvent(type: 'contract.drifted' | 'contract.drift-resolved', d: DriftView) {
  const what = d.findings.slice(0, 3).map((f) => `${f.field} ${f.kind === 'missing' ? 'missing' : f.kind === 'undeclared' ? 'not declared' : `is ${f.observed}, declared ${f.declared}`}`);
  const summary =
    type === 'contract.drifted'
      ? `${d.output} of ${d.product} drifts from its declared schema in ${d.environment}: ${what.join('; ')}${d.findings.length > 3 ? ` and ${d.findings.length - 3} more` : ''}`
      : `${d.output} of ${d.product} matches its declared schema again in ${d.environment}`;
  return { type, occurredAt: type === 'contract.drifted' ? d.openedAt : (d.resolvedAt ?? new Date().toISOString()), summary, data: { ...d } };
}
