import { Inject, Injectable } from '@nestjs/common';
import { Gauge, Counter } from 'prom-client';
import type { Principal } from '../auth/principal';
import type { ProductIdentity } from '../catalog/data-product.types';
import { DataProductsService } from '../catalog/data-products.service';
import { DomainError } from '../common/errors/domain-error';
import type { Page } from '../common/pagination';
import type { GatehouseConfig } from '../config/config';
import { CONFIG } from '../config/config.module';
import { parseIsoDuration } from '../catalog/manifest/iso-duration';
import type { Manifest } from '../catalog/manifest/manifest.schema';
import { environmentOfNamespace, namespacesOf } from '../lineage/environments';
import { LineageAliasRepository } from '../lineage/graph/lineage-alias.repository';
import { productNodes } from '../lineage/products/product-nodes';
import { MetricsService } from '../metrics/metrics.service';
import { lineageNamespaceOf } from '../orchestrators/orchestrators-file';
import { WebhooksService } from '../webhooks/webhooks.service';
import { FreshnessStatus, productFreshness, ProductFreshness, Productions } from './freshness';
import { outputDeadlines, TimelineDeadline, TimelineProduction } from './freshness-timeline';
import { BreachQuery, BreachView, SlaRepository } from './sla.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface SlaEvaluation {
  evaluatedAt: string;
  states: ProductFreshness[];
  opened: BreachView[];
  resolved: BreachView[];
}

/** A product's freshness over a period in one environment: what was produced, what was due, what breached. */
export interface SlaTimeline {
  product: string;
  environment: string;
  from: string;
  to: string;
  /** The SLA as the manifest declares it; null when it declares none. */
  freshness: Manifest['spec']['sla'] | null;
  productions: TimelineProduction[];
  deadlines: TimelineDeadline[];
  breaches: (BreachView & { reason: string })[];
  /** True when there were more productions than one answer lists (the oldest are listed). */
  truncated: boolean;
}

/** The most productions one timeline lists. */
const TIMELINE_PRODUCTIONS = 10_000;

export interface SlaQuery {
  product?: string;
  environment?: string;
  status?: FreshnessStatus;
  /** Only products the principal's teams own or the principal stewards. */
  mine?: boolean;
}

/**
 * SLA freshness: for every product with `sla.freshness` and every environment it runs in, the last
 * successful production of each output (from lineage), whether it is within the SLA and when it
 * will breach. Evaluation opens and resolves breach records, exports them as metrics and publishes
 * them to the webhooks. A production counts for an environment through the namespace of the job
 * that produced it: an orchestrator instance's lineage namespace, or GATEHOUSE_LINEAGE_ENVIRONMENTS.
 */
@Injectable()
export class SlaService {
  private readonly environmentOf: Map<string, string>;
  private readonly breachedGauge: Gauge<'product' | 'environment'>;
  private readonly transitions: Counter<'transition'>;

  constructor(
    private readonly products: DataProductsService,
    private readonly repository: SlaRepository,
    private readonly aliases: LineageAliasRepository,
    private readonly webhooks: WebhooksService,
    metrics: MetricsService,
    @Inject(CONFIG) private readonly config: GatehouseConfig,
  ) {
    this.environmentOf = environmentOfNamespace(config);
    this.breachedGauge = new Gauge({ name: 'gatehouse_sla_breached', help: '1 while a product is out of its freshness SLA in an environment', labelNames: ['product', 'environment'], registers: [metrics.registry] });
    this.transitions = new Counter({ name: 'gatehouse_sla_transitions_total', help: 'SLA breaches opened and resolved', labelNames: ['transition'], registers: [metrics.registry] });
  }

  /** Current freshness of every product with an SLA (or of the one named), computed now (nothing is written). */
  async states(now = new Date(), product?: string): Promise<ProductFreshness[]> {
    const products = (await this.products.activeIdentities(product)).filter((p) => p.sla?.freshness);
    const outputsOf = new Map(products.map((p) => [p.name, this.outputsByEnvironment(p)]));
    const all = [...new Set([...outputsOf.values()].flatMap((byEnv) => [...byEnv.values()].flat()))];
    // A dataset known by several identities (symlinks) is produced when any of them is: a Dagster asset's
    // materialization produces the table a product declares as its output.
    const groups = await this.aliases.groups(all);
    const canonicalOf = new Map<string, string>();
    for (const [id, group] of groups) for (const member of [id, group.canonical, ...group.aliases]) canonicalOf.set(member, group.canonical);
    const rows = await this.repository.lastProductions([...canonicalOf.keys()]);
    // environment -> canonical dataset -> newest production there
    const byEnvironment = new Map<string, Productions>();
    for (const row of rows) {
      const environment = this.environmentOf.get(row.namespace);
      if (!environment) continue;
      const productions = byEnvironment.get(environment) ?? new Map<string, Date>();
      const at = new Date(row.at);
      const dataset = canonicalOf.get(row.dataset) ?? row.dataset;
      if (!productions.has(dataset) || productions.get(dataset)! < at) productions.set(dataset, at);
      byEnvironment.set(environment, productions);
    }
    const states: ProductFreshness[] = [];
    for (const product of products) {
      const byEnv = outputsOf.get(product.name)!;
      for (const environment of this.config.environments) {
        // one output per dataset, under the first identity the product names it by (declared outputs first)
        const canonical = (o: string) => canonicalOf.get(o) ?? o;
        const outputs = (byEnv.get(environment) ?? []).filter((o, i, list) => list.findIndex((other) => canonical(other) === canonical(o)) === i);
        const produced = byEnvironment.get(environment) ?? new Map<string, Date>();
        const productions: Productions = new Map(outputs.flatMap((o) => (produced.has(canonical(o)) ? [[o, produced.get(canonical(o))!] as const] : [])));
        // an environment counts when the product is bound there or its outputs were produced there
        if (!this.boundIn(product, environment) && !outputs.some((o) => productions.has(o))) continue;
        const state = productFreshness(product, environment, outputs, productions, now);
        if (state) states.push(state);
      }
    }
    return states;
  }

  /** Opens breaches for outputs past their deadline and resolves those produced again. */
  async evaluate(now = new Date()): Promise<SlaEvaluation> {
    const states = await this.states(now);
    const { opened, resolved } = await this.repository.exclusively(async (tx) => {
      const open = new Map((await this.repository.openBreaches(tx)).map((b) => [`${b.productName}\u0000${b.environment}\u0000${b.output}`, b]));
      const opened: BreachView[] = [];
      const resolved: BreachView[] = [];
      for (const state of states) {
        for (const output of state.outputs) {
          const key = `${state.product}\u0000${state.environment}\u0000${output.output}`;
          const existing = open.get(key);
          open.delete(key);
          const produced = output.lastProducedAt ? new Date(output.lastProducedAt) : null;
          if (output.status !== 'fresh' && !existing) {
            opened.push(await this.repository.open(tx, { productName: state.product, environment: state.environment, output: output.output, openedAt: new Date(output.deadline), lastProducedAt: produced }));
          } else if (output.status === 'fresh' && existing) {
            resolved.push(await this.repository.resolve(tx, existing.id, produced ?? now, produced));
          }
        }
      }
      // a breach of a product that lost its SLA, output or binding is over too
      for (const stale of open.values()) resolved.push(await this.repository.resolve(tx, stale.id, now, stale.lastProducedAt));
      for (const b of opened) await this.webhooks.publish(breachEvent('sla.breached', b), tx);
      for (const b of resolved) await this.webhooks.publish(breachEvent('sla.recovered', b), tx);
      return { opened, resolved };
    });
    this.transitions.inc({ transition: 'opened' }, opened.length);
    this.transitions.inc({ transition: 'resolved' }, resolved.length);
    this.breachedGauge.reset();
    for (const s of states) this.breachedGauge.set({ product: s.product, environment: s.environment }, s.status === 'breached' ? 1 : 0);
    return { evaluatedAt: now.toISOString(), states, opened, resolved };
  }

  /** Current states the principal may read, filtered. */
  async list(query: SlaQuery, actor: Principal): Promise<ProductFreshness[]> {
    const mine = query.mine ? new Set(await this.products.namesOwnedBy(actor)) : undefined;
    const states = (await this.states(new Date(), query.product)).filter(
      (s) => (!query.environment || s.environment === query.environment) && (!query.status || s.status === query.status) && (!mine || mine.has(s.product)),
    );
    const readable = await this.products.readableAmong([...new Set(states.map((s) => s.product))], actor);
    return states.filter((s) => readable.has(s.product));
  }

  /** One product's SLA on its page: current state per environment and its recent breaches. */
  async ofProduct(name: string, actor: Principal): Promise<{ product: string; freshness: string | null; environments: ProductFreshness[]; breaches: BreachView[] }> {
    const product = await this.products.get(name, actor);
    const environments = await this.states(new Date(), name);
    const breaches = await this.repository.list({ product: name, limit: 50 });
    return { product: name, freshness: product.manifest.spec.sla?.freshness ?? null, environments, breaches: breaches.items };
  }

  /**
   * The product's timeline between `from` and `to` in an environment (by default the last of GATEHOUSE_ENVIRONMENTS it
   * is bound in): its outputs' productions there, the deadlines they set under the freshness SLA (met, missed or
   * pending), and the breaches open at some time in the period. Reads only.
   */
  async timeline(name: string, actor: Principal, period: { environment?: string; from: Date; to: Date }, now = new Date()): Promise<SlaTimeline> {
    const view = await this.products.get(name, actor);
    const [product] = await this.products.activeIdentities(name);
    if (period.environment !== undefined && !this.config.environments.includes(period.environment)) {
      throw DomainError.validation([{ field: 'query.environment', message: `must be one of ${this.config.environments.join(', ')}` }]);
    }
    const bound = product ? this.config.environments.filter((e) => this.boundIn(product, e)) : [];
    const environment = period.environment ?? bound.at(-1) ?? this.config.environments.at(-1)!;
    const sla = view.manifest.spec.sla ?? null;
    const window = sla ? (parseIsoDuration(sla.freshness) ?? 0) : 0;
    const outputs = product ? [...new Set(this.outputsByEnvironment(product).get(environment) ?? [])] : [];
    // every identity of each output (symlinks), read back as the output the product names
    const groups = await this.aliases.groups(outputs);
    const outputOf = new Map<string, string>();
    for (const output of outputs) {
      const group = groups.get(output)!;
      for (const member of [output, group.canonical, ...group.aliases]) if (!outputOf.has(member)) outputOf.set(member, output);
    }
    const since = new Date(period.from.getTime() - window);
    const rows = await this.repository.productionsBetween([...outputOf.keys()], namespacesOf(this.config, environment), since, period.to, TIMELINE_PRODUCTIONS + 1);
    const produced: TimelineProduction[] = rows.slice(0, TIMELINE_PRODUCTIONS).map((r) => ({ at: r.at.toISOString(), dataset: outputOf.get(r.dataset) ?? r.dataset, runId: r.runId }));
    const deadlines = window && product
      ? outputs.flatMap((o) => outputDeadlines(o, produced, { ms: window, registeredAt: product.createdAt, from: period.from, to: period.to, now })).sort((a, b) => a.at.localeCompare(b.at) || a.dataset.localeCompare(b.dataset))
      : [];
    const breaches = (await this.repository.breachesBetween(name, environment, period.from, period.to)).map((b) => ({
      ...b,
      reason: `${b.output} was due at ${b.openedAt}; ${b.lastProducedAt ? `last produced at ${b.lastProducedAt}` : 'never produced'}`,
    }));
    return {
      product: name,
      environment,
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      freshness: sla,
      productions: produced.filter((p) => p.at >= period.from.toISOString()),
      deadlines,
      breaches,
      truncated: rows.length > TIMELINE_PRODUCTIONS,
    };
  }

  async breaches(query: BreachQuery, actor: Principal): Promise<Page<BreachView>> {
    if (query.after && !UUID.test(query.after)) throw DomainError.validation([{ field: 'query.cursor', message: 'is not a cursor returned by this API' }]);
    if (query.product) await this.products.get(query.product, actor);
    const page = await this.repository.list(query);
    const readable = await this.products.readableAmong([...new Set(page.items.map((b) => b.product))], actor);
    return { ...page, items: page.items.filter((b) => readable.has(b.product)) };
  }

  /**
   * What a product must keep fresh in each environment: its declared outputs everywhere, plus the
   * datasets of the Dagster assets it is bound to in that environment's instances only.
   */
  private outputsByEnvironment(product: ProductIdentity): Map<string, string[]> {
    const declared = productNodes({ outputs: product.outputs, bindings: [] }, () => undefined).datasets;
    return new Map(
      this.config.environments.map((environment) => {
        const bindings = product.bindings.filter((b) => this.environmentOfInstance(b.orchestrator) === environment);
        const bound = productNodes({ outputs: [], bindings }, (name) => this.namespaceOfInstance(name)).datasets;
        return [environment, [...new Set([...declared, ...bound])]];
      }),
    );
  }

  private boundIn(product: ProductIdentity, environment: string): boolean {
    return product.bindings.some((b) => this.environmentOfInstance(b.orchestrator) === environment);
  }

  private environmentOfInstance(name: string): string | undefined {
    return this.config.orchestrators.find((o) => o.name === name)?.environment;
  }

  private namespaceOfInstance(name: string): string | undefined {
    const instance = this.config.orchestrators.find((o) => o.name === name);
    return instance ? lineageNamespaceOf(instance) : undefined;
  }
}

function breachEvent(type: 'sla.breached' | 'sla.recovered', b: BreachView) {
  const summary =
    type === 'sla.breached'
      ? `${b.product} is out of its freshness SLA in ${b.environment}: ${b.output} was due at ${b.openedAt}`
      : `${b.product} is fresh again in ${b.environment}: ${b.output} produced at ${b.resolvedAt}`;
  return { type, occurredAt: type === 'sla.breached' ? b.openedAt : (b.resolvedAt ?? new Date().toISOString()), summary, data: { ...b } };
}
