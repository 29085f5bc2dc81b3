/**
 * GENERATED FILE - DO NOT EDIT.
 *
 * TypeScript types of Gatehouse's HTTP API, made by openapi-typescript from the server's
 * OpenAPI document (GET /openapi.json). To regenerate after the server changed, from the
 * repository root:
 *
 *   npm run build && node dist/src/main.js &   # or any running Gatehouse
 *   curl -s http://127.0.0.1:7400/openapi.json > /tmp/openapi.json
 *   node console/scripts/generate-api-types.mjs /tmp/openapi.json
 *
 * and `--check` instead of writing tells whether this file is up to date.
 */

export interface paths {
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Audit entries, newest first, filtered by principal, subject, action, outcome and time (cursor pagination) */
        get: operations["AuditController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recompute the hash chain; report the first entry that was altered, removed or inserted */
        get: operations["AuditController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics in text exposition format */
        get: operations["MetricsController_render"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List tokens, oldest first, without secrets (filter: principal; cursor pagination) */
        get: operations["ApiTokensController_list"];
        put?: never;
        /** Issue an API token for a principal; the secret is shown in this answer only (admin only) */
        post: operations["ApiTokensController_issue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a token (without its secret) */
        get: operations["ApiTokensController_get"];
        put?: never;
        post?: never;
        /** Revoke a token (idempotent); it is refused from the next request on */
        delete: operations["ApiTokensController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The authenticated principal: id, name, kind (person, service or bootstrap), teams and roles */
        get: operations["MeController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How to sign in: API token, and the OpenID provider and client id of single sign-on when configured */
        get: operations["SignInOptionsController_options"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The active policy set: version, roles and their rules, promotion gates */
        get: operations["PolicyController_active"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policies/reload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reload the policy folder; an invalid set is refused (422) and the active one stays */
        post: operations["PolicyController_reload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy/evaluate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** May principal P do action A on this resource? With the rules that matched and why */
        post: operations["PolicyController_evaluate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process is up and serving HTTP */
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: database reachable and every migration applied (503 otherwise) */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/data-products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List data products (filters, free-text search, cursor pagination ordered by name) */
        get: operations["DataProductsController_list"];
        put?: never;
        /** Register a data product from a manifest (409 if the name is taken) */
        post: operations["DataProductsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/data-products/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a data product with its current manifest and per-environment deployments */
        get: operations["DataProductsController_get"];
        /** Apply a manifest: create or update; an identical manifest creates no revision */
        put: operations["DataProductsController_apply"];
        post?: never;
        /** Retire a data product; its history stays readable */
        delete: operations["DataProductsController_retire"];
        options?: never;
        head?: never;
        /** Change a data product with a JSON merge patch (RFC 7396) of its manifest */
        patch: operations["DataProductsController_patch"];
        trace?: never;
    };
    "/api/v1/data-products/{name}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the immutable revisions of a data product, oldest first */
        get: operations["DataProductsController_revisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/data-products/{name}/revisions/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read one revision with its manifest */
        get: operations["DataProductsController_revision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/data-products/{name}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Differences between two revisions (default: previous → latest) */
        get: operations["DataProductsController_diff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/data-products/{name}/environments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which revision each environment runs */
        get: operations["DataProductsController_environments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/lineage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The lineage graph around a node, in Marquez's shape ({graph: [{id, type, data, inEdges, outEdges}]}) */
        get: operations["LineageController_lineage"];
        put?: never;
        /**
         * Ingest one OpenLineage event or a JSON array of them (gzip accepted)
         * @description Validated whole: an invalid item rejects the batch (400, each problem at its JSON path) and nothing is stored. Idempotent: a redelivered event is counted as a duplicate and changes nothing.
         */
        post: operations["LineageController_ingest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/lineage/neighbours": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The direct neighbours of a node in one direction, filtered and paged
         * @description For fan-outs too large to draw at once: `total` counts the neighbours matching `q` (a case-insensitive substring of namespace or name); each item is a graph node with the same details as in `GET /api/v1/lineage` and only its edge to the node asked about.
         */
        get: operations["LineageController_neighbours"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/lineage/path": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A shortest directed path between two nodes
         * @description Downstream from `from` first, else upstream; `found: false` when they are not connected within `maxDepth` edges. A symlink identity is read as its dataset.
         */
        get: operations["LineageController_path"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/data-products/{name}/lineage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The product's lineage in product terms: the products upstream and downstream of it and what connects them */
        get: operations["ProductLineageController_graph"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/data-products/{name}/impact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every downstream data product, with owners, tiers and the lineage path: whom to warn before changing this one */
        get: operations["ProductLineageController_impact"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orchestrators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Configured orchestrator instances with live health and version */
        get: operations["OrchestratorsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orchestrators/{name}/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Discover DAGs or assets: each with its bound data product, or a proposed manifest to apply */
        post: operations["OrchestratorsController_sync"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orchestrators/{name}/dags/{dagId}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause an Airflow DAG (audited) */
        post: operations["OrchestratorsController_pause"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orchestrators/{name}/dags/{dagId}/unpause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Unpause an Airflow DAG so that triggered runs start (an explicit, audited choice) */
        post: operations["OrchestratorsController_unpause"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/data-products/{name}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Trigger the product's bound DAG or assets in an environment and record the run */
        post: operations["RunsController_trigger"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Run history, newest first (filters: product, environment, orchestrator, status, source, mine) */
        get: operations["RunsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One run, refreshed from its orchestrator while it is not final */
        get: operations["RunsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/principals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List principals ordered by id (filters: kind, team, role, disabled; cursor pagination) */
        get: operations["PrincipalsController_list"];
        put?: never;
        /** Create a person or service account (409 if the id exists; admin only) */
        post: operations["PrincipalsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/principals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a principal */
        get: operations["PrincipalsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change name, teams, roles or e-mail (given fields replace; `email: null` removes it) */
        patch: operations["PrincipalsController_update"];
        trace?: never;
    };
    "/api/v1/principals/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable a principal: its tokens and JWTs are refused from now on (idempotent) */
        post: operations["PrincipalsController_disable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/principals/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enable a disabled principal again; its unexpired, unrevoked tokens work again (idempotent) */
        post: operations["PrincipalsController_enable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sla": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Freshness of every product with an SLA, per environment: last production of each output, within the SLA or not, when it will breach */
        get: operations["SlaController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sla/breaches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Breach history, newest first (open ones have no resolvedAt) */
        get: operations["SlaController_breaches"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sla/evaluate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Evaluate freshness now: opens and resolves breaches (also runs on a timer and after lineage reports productions) */
        post: operations["SlaController_evaluate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/data-products/{name}/sla": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The product's freshness per environment and its recent breaches */
        get: operations["SlaController_ofProduct"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/data-products/{name}/sla/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The product's freshness timeline in one environment: productions, the deadlines they set (met, missed or pending) and breaches
         * @description The period is `from`–`to` (default: the last 7 days), at most 90 days. Reads only.
         */
        get: operations["SlaController_timeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/data-products/{name}/outputs/{output}/contract": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One output's contract as ODCS v3.1.0 YAML (JSON on Accept: application/json): its declared schema, quality rules, the product SLA, team and Gatehouse-only fields in customProperties; `output` is the OpenLineage dataset name */
        get: operations["ContractsController_odcs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/data-products/{name}/odps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The product as ODPS v1.0.0 YAML (JSON on Accept: application/json): one output port per output, each naming its ODCS contract id */
        get: operations["ContractsController_odps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/data-products/{name}/contract": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The product's contract: each output's declared schema, the schema lineage observed in each environment, and open drift */
        get: operations["ContractsController_ofProduct"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contracts/drift": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Drift history, newest first (open drifts have no resolvedAt) */
        get: operations["ContractsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contracts/drift/evaluate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Compare declared and observed schemas now: opens, updates and resolves drift (also runs after lineage reports outputs and on the SLA timer) */
        post: operations["ContractsController_evaluate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/promotions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Promotions, newest first; awaitingMe=true is the approver’s inbox, awaitingAcknowledgement=true the downstream owner’s (breaking changes waiting for my acknowledgement), mine=true those of my teams’ products */
        get: operations["PromotionsController_list"];
        put?: never;
        /** Request the promotion of a product revision to the next environment; its gates are evaluated at once */
        post: operations["PromotionsController_request"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/promotion-dry-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What the gates would say of a promotion request now, and what approving it would do; writes nothing */
        post: operations["PromotionsController_dryRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/promotions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One promotion with every gate, its evidence, the approvals, the run, what approving does, and what the caller may do */
        get: operations["PromotionsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/promotions/{id}/approvals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve or reject; the environment’s approval rules decide whether it counts */
        post: operations["PromotionsController_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/promotions/{id}/acknowledgements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acknowledge the breaking contract changes for a downstream product (its owning team’s members or stewards); bound to the revision, the target environment and the changes */
        post: operations["PromotionsController_acknowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/promotions/{id}/evaluate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Evaluate a blocked or waiting promotion’s gates again */
        post: operations["PromotionsController_evaluate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/promotions/{id}/overrides": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Break-glass: let a failed gate or a freeze pass, with a written reason (marked and audited) */
        post: operations["PromotionsController_override"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/promotions/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a promotion that has not started executing (the requester or an admin) */
        post: operations["PromotionsController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/data-products/{name}/environments/{env}/rollback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Roll an environment back to the previous good revision (or a named one), through the same gates, approvals and execution */
        post: operations["PromotionsController_rollback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Settings the console follows, such as how many lineage nodes it draws at once */
        get: operations["ConsoleSettingsController_settings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AuditEntry: {
            /** @description Position in the chain; a string because it is a 64-bit integer */
            seq: string;
            /** Format: date-time */
            at: string;
            /** @description Principal id; `anonymous` outside a request */
            principal: string;
            /** @description `<subject>.<verb>`, e.g. `data-product.update` */
            action: string;
            subject: {
                /** @description e.g. DataProduct */
                type: string;
                /** @description e.g. a product name; null for a subject type as a whole */
                id: string | null;
            };
            /** @enum {string} */
            outcome: "succeeded" | "failed" | "denied";
            requestId: string | null;
            policyVersion: string | null;
            /** @description The subject before the change (secrets redacted); null when there was none */
            before: unknown;
            /** @description The subject after the change (secrets redacted); null when there is none */
            after: unknown;
            /** @description Whatever else the action recorded; null when nothing */
            details: unknown;
            /** @description SHA-256 (hex) over every other field and prevHash */
            hash: string;
            /** @description The hash of the entry before (a fixed genesis value for the first) */
            prevHash: string;
        };
        AuditEntryPage: {
            items: components["schemas"]["AuditEntry"][];
            /** @description Pass as `cursor` to get the next page; null on the last page */
            nextCursor: string | null;
        };
        AuditChainBreak: {
            /** @description The altered or inserted entry, or the first missing seq of a removal */
            seq: string;
            /** @enum {string} */
            reason: "altered" | "removed" | "inserted";
            detail: string;
            /** @description altered: the stored hash; removed and inserted: the hash of the entry before */
            expected: string;
            /** @description altered: the hash of the content as stored now; removed and inserted: the entry’s prevHash */
            actual: string;
        };
        /** @description The chain recomputed from the first entry: valid with its head, or the first break */
        AuditVerifyReport: {
            /** @constant */
            valid: true;
            /** @description Entries verified */
            entries: number;
            /** @description Hash of the newest entry (the genesis value for an empty trail); record it elsewhere to detect truncation */
            head: string;
        } | {
            /** @constant */
            valid: false;
            /** @description Entries read, the broken one included */
            entries: number;
            firstInvalid: components["schemas"]["AuditChainBreak"];
        };
        /** @description Who a request is made by, as Gatehouse sees it: a stored principal, the subject of a JWT, or the built-in bootstrap administrator */
        Principal: {
            /** @description A lower-case slug (svc-airflow) or an e-mail address */
            id: string;
            /**
             * @description `bootstrap` is the built-in administrator
             * @enum {string}
             */
            kind: "person" | "service" | "bootstrap";
            name: string;
            roles: string[];
            /** @description Plain team slugs (`sales-data`); data products name their owner `team:<slug>` */
            teams: string[];
        };
        /** @description A stored person or service account */
        StoredPrincipal: {
            /** @description A lower-case slug (svc-airflow) or an e-mail address */
            id: string;
            name: string;
            /** @enum {string} */
            kind: "person" | "service";
            /** @description Plain team slugs (`sales-data`); data products name their owner `team:<slug>` */
            teams: string[];
            roles: string[];
            email: string | null;
            /** @description A disabled principal’s tokens and JWTs are refused */
            disabled: boolean;
            /**
             * Format: date-time
             * @description Null while enabled
             */
            disabledAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description Principal id */
            createdBy: string;
            /** Format: date-time */
            updatedAt: string;
        };
        StoredPrincipalPage: {
            items: components["schemas"]["StoredPrincipal"][];
            /** @description Pass as `cursor` to get the next page; null on the last page */
            nextCursor: string | null;
        };
        /** @description An API token, without its secret */
        ApiToken: {
            /** @description `tok_…` (`bootstrap-admin` for the generated bootstrap token) */
            id: string;
            /** @description The principal the token authenticates as */
            principal: string;
            description: string | null;
            /**
             * @description Revocation wins over expiry
             * @enum {string}
             */
            status: "active" | "expired" | "revoked";
            /** Format: date-time */
            createdAt: string;
            /** @description Principal id of the issuer; null for the generated bootstrap token */
            createdBy: string | null;
            /**
             * Format: date-time
             * @description Null: never expires
             */
            expiresAt: string | null;
            /** Format: date-time */
            revokedAt: string | null;
            /** @description Principal id */
            revokedBy: string | null;
            /**
             * Format: date-time
             * @description Updated at most once a minute
             */
            lastUsedAt: string | null;
        };
        /** @description A token just issued, with its secret: the only answer that ever shows it */
        IssuedApiToken: components["schemas"]["ApiToken"] & {
            /** @description The bearer secret (`ghs_…`); Gatehouse keeps only its SHA-256 */
            token: string;
        };
        ApiTokenPage: {
            items: components["schemas"]["ApiToken"][];
            /** @description Pass as `cursor` to get the next page; null on the last page */
            nextCursor: string | null;
        };
        SignInOptions: {
            /**
             * @description An API token can always be pasted
             * @constant
             */
            token: true;
            /** @description The OpenID provider and the console's public client, when single sign-on is configured */
            oidc: null | {
                /** Format: uri */
                issuer: string;
                clientId: string;
                /** @description Space-separated */
                scopes: string;
            };
        };
        /** @description A data product manifest as stored: validated, with its defaults filled in */
        Manifest: {
            /** @constant */
            apiVersion: "gatehouse/v1";
            /** @constant */
            kind: "DataProduct";
            metadata: {
                name: string;
                title: string;
                domain: string;
                owner: string;
                /** @default [] */
                stewards: string[];
                /** @default [] */
                tags: string[];
            };
            spec: {
                /** @default  */
                description: string;
                tier: number;
                /** @enum {string} */
                classification: "public" | "internal" | "confidential" | "restricted";
                containsPii: boolean;
                sla?: {
                    freshness: string;
                    schedule?: string;
                };
                /** @default [] */
                outputs: {
                    namespace: string;
                    name: string;
                    schema?: {
                        name: string;
                        /** @enum {string} */
                        logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                        physicalType?: string;
                        required?: boolean;
                        unique?: boolean;
                        primaryKey?: boolean;
                        /** @enum {string} */
                        classification?: "public" | "internal" | "confidential" | "restricted";
                        description?: string;
                        properties?: {
                            name: string;
                            /** @enum {string} */
                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                            physicalType?: string;
                            required?: boolean;
                            unique?: boolean;
                            primaryKey?: boolean;
                            /** @enum {string} */
                            classification?: "public" | "internal" | "confidential" | "restricted";
                            description?: string;
                            properties?: {
                                name: string;
                                /** @enum {string} */
                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                physicalType?: string;
                                required?: boolean;
                                unique?: boolean;
                                primaryKey?: boolean;
                                /** @enum {string} */
                                classification?: "public" | "internal" | "confidential" | "restricted";
                                description?: string;
                                properties?: {
                                    name: string;
                                    /** @enum {string} */
                                    logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                    physicalType?: string;
                                    required?: boolean;
                                    unique?: boolean;
                                    primaryKey?: boolean;
                                    /** @enum {string} */
                                    classification?: "public" | "internal" | "confidential" | "restricted";
                                    description?: string;
                                    properties?: {
                                        name: string;
                                        /** @enum {string} */
                                        logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                        physicalType?: string;
                                        required?: boolean;
                                        unique?: boolean;
                                        primaryKey?: boolean;
                                        /** @enum {string} */
                                        classification?: "public" | "internal" | "confidential" | "restricted";
                                        description?: string;
                                        properties?: unknown;
                                        items?: unknown;
                                    }[];
                                    items?: {
                                        /** @enum {string} */
                                        logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                        physicalType?: string;
                                        required?: boolean;
                                        unique?: boolean;
                                        primaryKey?: boolean;
                                        /** @enum {string} */
                                        classification?: "public" | "internal" | "confidential" | "restricted";
                                        description?: string;
                                        properties?: unknown;
                                        items?: unknown;
                                    };
                                }[];
                                items?: {
                                    /** @enum {string} */
                                    logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                    physicalType?: string;
                                    required?: boolean;
                                    unique?: boolean;
                                    primaryKey?: boolean;
                                    /** @enum {string} */
                                    classification?: "public" | "internal" | "confidential" | "restricted";
                                    description?: string;
                                    properties?: {
                                        name: string;
                                        /** @enum {string} */
                                        logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                        physicalType?: string;
                                        required?: boolean;
                                        unique?: boolean;
                                        primaryKey?: boolean;
                                        /** @enum {string} */
                                        classification?: "public" | "internal" | "confidential" | "restricted";
                                        description?: string;
                                        properties?: unknown;
                                        items?: unknown;
                                    }[];
                                    items?: {
                                        /** @enum {string} */
                                        logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                        physicalType?: string;
                                        required?: boolean;
                                        unique?: boolean;
                                        primaryKey?: boolean;
                                        /** @enum {string} */
                                        classification?: "public" | "internal" | "confidential" | "restricted";
                                        description?: string;
                                        properties?: unknown;
                                        items?: unknown;
                                    };
                                };
                            }[];
                            items?: {
                                /** @enum {string} */
                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                physicalType?: string;
                                required?: boolean;
                                unique?: boolean;
                                primaryKey?: boolean;
                                /** @enum {string} */
                                classification?: "public" | "internal" | "confidential" | "restricted";
                                description?: string;
                                properties?: {
                                    name: string;
                                    /** @enum {string} */
                                    logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                    physicalType?: string;
                                    required?: boolean;
                                    unique?: boolean;
                                    primaryKey?: boolean;
                                    /** @enum {string} */
                                    classification?: "public" | "internal" | "confidential" | "restricted";
                                    description?: string;
                                    properties?: {
                                        name: string;
                                        /** @enum {string} */
                                        logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                        physicalType?: string;
                                        required?: boolean;
                                        unique?: boolean;
                                        primaryKey?: boolean;
                                        /** @enum {string} */
                                        classification?: "public" | "internal" | "confidential" | "restricted";
                                        description?: string;
                                        properties?: unknown;
                                        items?: unknown;
                                    }[];
                                    items?: {
                                        /** @enum {string} */
                                        logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                        physicalType?: string;
                                        required?: boolean;
                                        unique?: boolean;
                                        primaryKey?: boolean;
                                        /** @enum {string} */
                                        classification?: "public" | "internal" | "confidential" | "restricted";
                                        description?: string;
                                        properties?: unknown;
                                        items?: unknown;
                                    };
                                }[];
                                items?: {
                                    /** @enum {string} */
                                    logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                    physicalType?: string;
                                    required?: boolean;
                                    unique?: boolean;
                                    primaryKey?: boolean;
                                    /** @enum {string} */
                                    classification?: "public" | "internal" | "confidential" | "restricted";
                                    description?: string;
                                    properties?: {
                                        name: string;
                                        /** @enum {string} */
                                        logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                        physicalType?: string;
                                        required?: boolean;
                                        unique?: boolean;
                                        primaryKey?: boolean;
                                        /** @enum {string} */
                                        classification?: "public" | "internal" | "confidential" | "restricted";
                                        description?: string;
                                        properties?: unknown;
                                        items?: unknown;
                                    }[];
                                    items?: {
                                        /** @enum {string} */
                                        logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                        physicalType?: string;
                                        required?: boolean;
                                        unique?: boolean;
                                        primaryKey?: boolean;
                                        /** @enum {string} */
                                        classification?: "public" | "internal" | "confidential" | "restricted";
                                        description?: string;
                                        properties?: unknown;
                                        items?: unknown;
                                    };
                                };
                            };
                        }[];
                        items?: {
                            /** @enum {string} */
                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                            physicalType?: string;
                            required?: boolean;
                            unique?: boolean;
                            primaryKey?: boolean;
                            /** @enum {string} */
                            classification?: "public" | "internal" | "confidential" | "restricted";
                            description?: string;
                            properties?: {
                                name: string;
                                /** @enum {string} */
                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                physicalType?: string;
                                required?: boolean;
                                unique?: boolean;
                                primaryKey?: boolean;
                                /** @enum {string} */
                                classification?: "public" | "internal" | "confidential" | "restricted";
                                description?: string;
                                properties?: {
                                    name: string;
                                    /** @enum {string} */
                                    logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                    physicalType?: string;
                                    required?: boolean;
                                    unique?: boolean;
                                    primaryKey?: boolean;
                                    /** @enum {string} */
                                    classification?: "public" | "internal" | "confidential" | "restricted";
                                    description?: string;
                                    properties?: {
                                        name: string;
                                        /** @enum {string} */
                                        logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                        physicalType?: string;
                                        required?: boolean;
                                        unique?: boolean;
                                        primaryKey?: boolean;
                                        /** @enum {string} */
                                        classification?: "public" | "internal" | "confidential" | "restricted";
                                        description?: string;
                                        properties?: unknown;
                                        items?: unknown;
                                    }[];
                                    items?: {
                                        /** @enum {string} */
                                        logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                        physicalType?: string;
                                        required?: boolean;
                                        unique?: boolean;
                                        primaryKey?: boolean;
                                        /** @enum {string} */
                                        classification?: "public" | "internal" | "confidential" | "restricted";
                                        description?: string;
                                        properties?: unknown;
                                        items?: unknown;
                                    };
                                }[];
                                items?: {
                                    /** @enum {string} */
                                    logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                    physicalType?: string;
                                    required?: boolean;
                                    unique?: boolean;
                                    primaryKey?: boolean;
                                    /** @enum {string} */
                                    classification?: "public" | "internal" | "confidential" | "restricted";
                                    description?: string;
                                    properties?: {
                                        name: string;
                                        /** @enum {string} */
                                        logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                        physicalType?: string;
                                        required?: boolean;
                                        unique?: boolean;
                                        primaryKey?: boolean;
                                        /** @enum {string} */
                                        classification?: "public" | "internal" | "confidential" | "restricted";
                                        description?: string;
                                        properties?: unknown;
                                        items?: unknown;
                                    }[];
                                    items?: {
                                        /** @enum {string} */
                                        logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                        physicalType?: string;
                                        required?: boolean;
                                        unique?: boolean;
                                        primaryKey?: boolean;
                                        /** @enum {string} */
                                        classification?: "public" | "internal" | "confidential" | "restricted";
                                        description?: string;
                                        properties?: unknown;
                                        items?: unknown;
                                    };
                                };
                            }[];
                            items?: {
                                /** @enum {string} */
                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                physicalType?: string;
                                required?: boolean;
                                unique?: boolean;
                                primaryKey?: boolean;
                                /** @enum {string} */
                                classification?: "public" | "internal" | "confidential" | "restricted";
                                description?: string;
                                properties?: {
                                    name: string;
                                    /** @enum {string} */
                                    logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                    physicalType?: string;
                                    required?: boolean;
                                    unique?: boolean;
                                    primaryKey?: boolean;
                                    /** @enum {string} */
                                    classification?: "public" | "internal" | "confidential" | "restricted";
                                    description?: string;
                                    properties?: {
                                        name: string;
                                        /** @enum {string} */
                                        logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                        physicalType?: string;
                                        required?: boolean;
                                        unique?: boolean;
                                        primaryKey?: boolean;
                                        /** @enum {string} */
                                        classification?: "public" | "internal" | "confidential" | "restricted";
                                        description?: string;
                                        properties?: unknown;
                                        items?: unknown;
                                    }[];
                                    items?: {
                                        /** @enum {string} */
                                        logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                        physicalType?: string;
                                        required?: boolean;
                                        unique?: boolean;
                                        primaryKey?: boolean;
                                        /** @enum {string} */
                                        classification?: "public" | "internal" | "confidential" | "restricted";
                                        description?: string;
                                        properties?: unknown;
                                        items?: unknown;
                                    };
                                }[];
                                items?: {
                                    /** @enum {string} */
                                    logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                    physicalType?: string;
                                    required?: boolean;
                                    unique?: boolean;
                                    primaryKey?: boolean;
                                    /** @enum {string} */
                                    classification?: "public" | "internal" | "confidential" | "restricted";
                                    description?: string;
                                    properties?: {
                                        name: string;
                                        /** @enum {string} */
                                        logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                        physicalType?: string;
                                        required?: boolean;
                                        unique?: boolean;
                                        primaryKey?: boolean;
                                        /** @enum {string} */
                                        classification?: "public" | "internal" | "confidential" | "restricted";
                                        description?: string;
                                        properties?: unknown;
                                        items?: unknown;
                                    }[];
                                    items?: {
                                        /** @enum {string} */
                                        logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                        physicalType?: string;
                                        required?: boolean;
                                        unique?: boolean;
                                        primaryKey?: boolean;
                                        /** @enum {string} */
                                        classification?: "public" | "internal" | "confidential" | "restricted";
                                        description?: string;
                                        properties?: unknown;
                                        items?: unknown;
                                    };
                                };
                            };
                        };
                    }[];
                    quality?: {
                        [key: string]: unknown;
                    }[];
                    extensions?: {
                        [key: string]: unknown;
                    };
                }[];
                /** @default [] */
                bindings: ({
                    orchestrator: string;
                    dag: string;
                    task?: string;
                } | {
                    orchestrator: string;
                    asset: string[];
                })[];
                extensions?: {
                    [key: string]: unknown;
                };
            };
        };
        /** @description What one configured environment runs of a product (every configured environment is listed, in their order) */
        EnvironmentState: {
            environment: string;
            /** @description The revision the environment runs; null while nothing was deployed there */
            revision: number | null;
            /** @enum {string} */
            status: "not_deployed" | "deploying" | "deployed" | "failed";
            /** @description The last revision deployed successfully (what a rollback goes back to) */
            lastGoodRevision: number | null;
            /**
             * Format: date-time
             * @description Null while nothing was deployed there
             */
            updatedAt: string | null;
        };
        DataProductSummary: {
            name: string;
            title: string;
            domain: string;
            /** @description The owning team, `team:<slug>` */
            owner: string;
            /** @description E-mail addresses */
            stewards: string[];
            tags: string[];
            description: string;
            /** @description 1 is the most critical */
            tier: number;
            /** @enum {string} */
            classification: "public" | "internal" | "confidential" | "restricted";
            containsPii: boolean;
            /** @enum {string} */
            status: "active" | "retired";
            /** @description The current (latest) revision */
            revision: number;
            /** @description `sha256:<hex>` of the canonical JSON of the manifest */
            digest: string;
            /** Format: date-time */
            createdAt: string;
            /** @description Principal id */
            createdBy: string;
            /** Format: date-time */
            updatedAt: string;
            /**
             * Format: date-time
             * @description Null while active
             */
            retiredAt: string | null;
            environments: components["schemas"]["EnvironmentState"][];
        };
        /** @description A data product with its current manifest */
        DataProduct: components["schemas"]["DataProductSummary"] & {
            /** @description Also in the ETag header: `"r<revision>"`, `"r<revision>-retired"` once retired */
            etag: string;
            manifest: components["schemas"]["Manifest"];
        };
        DataProductPage: {
            items: components["schemas"]["DataProductSummary"][];
            /** @description Pass as `cursor` to get the next page; null on the last page */
            nextCursor: string | null;
        };
        EnvironmentStateList: {
            items: components["schemas"]["EnvironmentState"][];
        };
        RevisionSummary: {
            number: number;
            /** @description `sha256:<hex>` of the canonical JSON of the manifest */
            digest: string;
            /** @description Principal id */
            author: string;
            /** Format: date-time */
            createdAt: string;
        };
        /** @description One immutable revision with its manifest */
        Revision: components["schemas"]["RevisionSummary"] & {
            /** @description The product name */
            product: string;
            manifest: components["schemas"]["Manifest"];
        };
        RevisionPage: {
            items: components["schemas"]["RevisionSummary"][];
            /** @description Pass as `cursor` to get the next page; null on the last page */
            nextCursor: string | null;
        };
        /** @description One difference between two manifests: `added` has `after`, `removed` has `before`, `changed` both */
        ManifestChange: {
            /** @description Dotted path, arrays of objects by index: `spec.sla.freshness`, `spec.outputs[1].name` */
            path: string;
            /** @constant */
            op: "added";
            /** @description The new value */
            after: unknown;
        } | {
            /** @description Dotted path, arrays of objects by index: `spec.sla.freshness`, `spec.outputs[1].name` */
            path: string;
            /** @constant */
            op: "removed";
            /** @description The old value */
            before: unknown;
        } | {
            /** @description Dotted path, arrays of objects by index: `spec.sla.freshness`, `spec.outputs[1].name` */
            path: string;
            /** @constant */
            op: "changed";
            /** @description The old value */
            before: unknown;
            /** @description The new value */
            after: unknown;
        };
        /** @description One change of what a product promises its readers (its outputs, their declared schemas, personal data, classification, freshness), classified by a rule */
        ContractChange: {
            /**
             * @description `output-removed` (breaking): an output (its OpenLineage identity) is no longer declared; `output-added` (safe): a new output is declared; `field-removed` (breaking): a declared field (or a nested one) is gone; a rename is a removal and an addition; `field-added` (safe): an optional field is added; `field-added-required` (review): a required field is added (existing rows may not have it); `field-type-changed` (breaking): the logical type changed; `field-physical-type-changed` (breaking): the physical type changed; `field-type-declared` (review): a type is declared where none was; `field-type-undeclared` (review): a declared type was dropped; `field-required-relaxed` (breaking): required true → false: readers may now get nulls (a weakened guarantee); `field-required-tightened` (breaking): required false → true: existing data may no longer fit; `field-unique-relaxed` (breaking): unique true → false: readers may now get duplicates (a weakened guarantee); `field-unique-tightened` (breaking): unique false → true: existing data may no longer fit; `field-primary-key-removed` (breaking): a field is no longer (part of) the primary key (a weakened guarantee); `field-primary-key-added` (review): a field becomes (part of) the primary key; `field-classification-raised` (breaking): a field is classified more sensitive: readers may lose access or obligations change; `field-classification-lowered` (review): a field is classified less sensitive; `field-description-changed` (safe): documentation only; `pii-added` (breaking): the product now contains personal data; `pii-removed` (review): the product no longer declares personal data; `classification-raised` (breaking): the product is classified more sensitive; `classification-lowered` (review): the product is classified less sensitive; `sla-freshness-loosened` (review): the freshness SLA allows older data (or is gone); `sla-freshness-tightened` (safe): the freshness SLA promises fresher data (or is new)
             * @enum {string}
             */
            rule: "output-removed" | "output-added" | "field-removed" | "field-added" | "field-added-required" | "field-type-changed" | "field-physical-type-changed" | "field-type-declared" | "field-type-undeclared" | "field-required-relaxed" | "field-required-tightened" | "field-unique-relaxed" | "field-unique-tightened" | "field-primary-key-removed" | "field-primary-key-added" | "field-classification-raised" | "field-classification-lowered" | "field-description-changed" | "pii-added" | "pii-removed" | "classification-raised" | "classification-lowered" | "sla-freshness-loosened" | "sla-freshness-tightened";
            /**
             * @description `breaking`: readers may break (a promotion waits for downstream acknowledgements); `review`: worth a look; `safe`: additions and documentation
             * @enum {string}
             */
            level: "breaking" | "review" | "safe";
            /** @description The output’s lineage node id (`dataset:<namespace>:<name>`); null for a product-level change */
            output: string | null;
            /** @description Dotted path of the field in the output’s declared schema (`address.city`; array items are `_element`); null above field level */
            field: string | null;
            /** @description The old value (absent for an addition) */
            before?: unknown;
            /** @description The new value (absent for a removal) */
            after?: unknown;
            message: string;
        };
        ContractDiff: {
            /** @description True when any change is breaking */
            breaking: boolean;
            /** @description Product-level changes first, then per output in declaration order */
            changes: components["schemas"]["ContractChange"][];
        };
        RevisionDiff: {
            product: string;
            from: number;
            to: number;
            /** @description Ordered by path; arrays of scalars (tags, stewards, asset keys) change as one value */
            changes: components["schemas"]["ManifestChange"][];
            contract: components["schemas"]["ContractDiff"];
        };
        LineageEdge: {
            origin: string;
            destination: string;
        };
        LineageIngestReport: {
            /** @constant */
            status: "success";
            received: number;
            stored: number;
            duplicates: number;
        };
        /** @description A data product holding a lineage node */
        LineageNodeProduct: {
            name: string;
            owner: string;
            tier: number;
            /** @description The environment of the orchestrator instance the product holds the node through; null for a declared output */
            environment: string | null;
        };
        LineageDatasetField: {
            name: string;
            type: string | null;
            description: string | null;
        };
        LineageGraphNode: {
            /** @description `job:<namespace>:<name>` or `dataset:<namespace>:<name>` */
            id: string;
            /** @enum {string} */
            type: "JOB" | "DATASET";
            data: {
                /** @enum {string} */
                type: "JOB" | "DATASET";
                id: {
                    namespace: string;
                    name: string;
                };
                namespace: string;
                name: string;
                /** @description As last reported, per facet name */
                facets: Record<string, never>;
                /** Format: date-time */
                updatedAt: string;
                /** @description Jobs only: the most recent run lineage reported */
                latestRun?: null | {
                    runId: string;
                    status: string;
                    startedAt: string | null;
                    endedAt: string | null;
                };
                /** @description Gatehouse: the data products whose declared outputs or bound assets are this dataset, or whose bound DAG or task is this job */
                products: components["schemas"]["LineageNodeProduct"][];
                /**
                 * Format: date-time
                 * @description Datasets only: the latest completed write by any run
                 */
                lastProducedAt?: string | null;
                /** @description Datasets only: the schema facet’s fields, nested fields named by their dotted path */
                fields?: components["schemas"]["LineageDatasetField"][];
                /** @description Jobs only: the configured orchestrator instance whose lineage namespace the job reports under */
                orchestrator?: null | {
                    name: string;
                    /** @enum {string} */
                    kind: "airflow" | "dagster";
                };
            };
            inEdges: components["schemas"]["LineageEdge"][];
            outEdges: components["schemas"]["LineageEdge"][];
        };
        /** @description Marquez's `{graph: [{id, type, data, inEdges, outEdges}]}`, plus what was asked and whether the node limit cut the walk short */
        LineageGraph: {
            graph: components["schemas"]["LineageGraphNode"][];
            depth: number;
            /** @enum {string} */
            direction: "upstream" | "downstream" | "both";
            truncated: boolean;
        };
        /** @description One page of the direct neighbours of a node in one direction */
        LineageNeighbours: {
            /** @description The node asked about, as the graph names it (a symlink identity answers its dataset) */
            nodeId: string;
            /** @enum {string} */
            direction: "upstream" | "downstream";
            /** @description Neighbours matching the filter, on all pages */
            total: number;
            /** @description Sorted by id; each with only its edge to the node asked about */
            items: components["schemas"]["LineageGraphNode"][];
            /** @description Pass as `cursor` for the next page; null on the last */
            nextCursor: string | null;
        };
        /** @description A shortest directed path between two nodes */
        LineagePath: {
            from: string;
            to: string;
            found: boolean;
            /** @description Which way the path runs from `from` (downstream is tried first); null when none was found */
            direction: null | ("downstream" | "upstream");
            /** @description Node ids from `from` to `to`; empty when none was found */
            nodes: string[];
            /** @description The path’s edges as stored (origin feeds destination) */
            edges: components["schemas"]["LineageEdge"][];
            /** @description True when none was found but the search reached its limit of 20,000 nodes: a path may still exist */
            truncated: boolean;
        };
        /** @description A data product as lineage and impact analysis name it */
        RelatedProduct: {
            name: string;
            title: string;
            owner: string;
            stewards: string[];
            tier: number;
            /** @enum {string} */
            classification: "public" | "internal" | "confidential" | "restricted";
        };
        ImpactReport: {
            product: string;
            downstream: {
                product: components["schemas"]["RelatedProduct"];
                /** @description Products between this one and the changed one (0 = fed directly by it) */
                distance: number;
                /** @description Lineage node ids from the changed product to this one */
                path: string[];
            }[];
            truncated: boolean;
        };
        ProductLineage: {
            product: string;
            nodes: {
                name: string;
                title: string;
                owner: string;
                stewards: string[];
                tier: number;
                /** @enum {string} */
                classification: "public" | "internal" | "confidential" | "restricted";
                /** @enum {string} */
                relation: "self" | "upstream" | "downstream";
            }[];
            edges: {
                from: string;
                to: string;
                via: string[];
            }[];
            /** @description Lineage nodes of this product no event has named yet (declared outputs nothing has produced) */
            unseen: string[];
            /** @description The product’s own lineage nodes seen so far (its datasets as the graph names them, the jobs of its DAGs and tasks), sorted: where a graph of the product starts */
            lineageNodes: string[];
            truncated: boolean;
        };
        /** @description The schema an output declares (ODCS properties) */
        DeclaredSchema: {
            name: string;
            /** @enum {string} */
            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
            physicalType?: string;
            required?: boolean;
            unique?: boolean;
            primaryKey?: boolean;
            /** @enum {string} */
            classification?: "public" | "internal" | "confidential" | "restricted";
            description?: string;
            properties?: {
                name: string;
                /** @enum {string} */
                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                physicalType?: string;
                required?: boolean;
                unique?: boolean;
                primaryKey?: boolean;
                /** @enum {string} */
                classification?: "public" | "internal" | "confidential" | "restricted";
                description?: string;
                properties?: {
                    name: string;
                    /** @enum {string} */
                    logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                    physicalType?: string;
                    required?: boolean;
                    unique?: boolean;
                    primaryKey?: boolean;
                    /** @enum {string} */
                    classification?: "public" | "internal" | "confidential" | "restricted";
                    description?: string;
                    properties?: {
                        name: string;
                        /** @enum {string} */
                        logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                        physicalType?: string;
                        required?: boolean;
                        unique?: boolean;
                        primaryKey?: boolean;
                        /** @enum {string} */
                        classification?: "public" | "internal" | "confidential" | "restricted";
                        description?: string;
                        properties?: {
                            name: string;
                            /** @enum {string} */
                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                            physicalType?: string;
                            required?: boolean;
                            unique?: boolean;
                            primaryKey?: boolean;
                            /** @enum {string} */
                            classification?: "public" | "internal" | "confidential" | "restricted";
                            description?: string;
                            properties?: unknown;
                            items?: unknown;
                        }[];
                        items?: {
                            /** @enum {string} */
                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                            physicalType?: string;
                            required?: boolean;
                            unique?: boolean;
                            primaryKey?: boolean;
                            /** @enum {string} */
                            classification?: "public" | "internal" | "confidential" | "restricted";
                            description?: string;
                            properties?: unknown;
                            items?: unknown;
                        };
                    }[];
                    items?: {
                        /** @enum {string} */
                        logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                        physicalType?: string;
                        required?: boolean;
                        unique?: boolean;
                        primaryKey?: boolean;
                        /** @enum {string} */
                        classification?: "public" | "internal" | "confidential" | "restricted";
                        description?: string;
                        properties?: {
                            name: string;
                            /** @enum {string} */
                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                            physicalType?: string;
                            required?: boolean;
                            unique?: boolean;
                            primaryKey?: boolean;
                            /** @enum {string} */
                            classification?: "public" | "internal" | "confidential" | "restricted";
                            description?: string;
                            properties?: unknown;
                            items?: unknown;
                        }[];
                        items?: {
                            /** @enum {string} */
                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                            physicalType?: string;
                            required?: boolean;
                            unique?: boolean;
                            primaryKey?: boolean;
                            /** @enum {string} */
                            classification?: "public" | "internal" | "confidential" | "restricted";
                            description?: string;
                            properties?: unknown;
                            items?: unknown;
                        };
                    };
                }[];
                items?: {
                    /** @enum {string} */
                    logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                    physicalType?: string;
                    required?: boolean;
                    unique?: boolean;
                    primaryKey?: boolean;
                    /** @enum {string} */
                    classification?: "public" | "internal" | "confidential" | "restricted";
                    description?: string;
                    properties?: {
                        name: string;
                        /** @enum {string} */
                        logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                        physicalType?: string;
                        required?: boolean;
                        unique?: boolean;
                        primaryKey?: boolean;
                        /** @enum {string} */
                        classification?: "public" | "internal" | "confidential" | "restricted";
                        description?: string;
                        properties?: {
                            name: string;
                            /** @enum {string} */
                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                            physicalType?: string;
                            required?: boolean;
                            unique?: boolean;
                            primaryKey?: boolean;
                            /** @enum {string} */
                            classification?: "public" | "internal" | "confidential" | "restricted";
                            description?: string;
                            properties?: unknown;
                            items?: unknown;
                        }[];
                        items?: {
                            /** @enum {string} */
                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                            physicalType?: string;
                            required?: boolean;
                            unique?: boolean;
                            primaryKey?: boolean;
                            /** @enum {string} */
                            classification?: "public" | "internal" | "confidential" | "restricted";
                            description?: string;
                            properties?: unknown;
                            items?: unknown;
                        };
                    }[];
                    items?: {
                        /** @enum {string} */
                        logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                        physicalType?: string;
                        required?: boolean;
                        unique?: boolean;
                        primaryKey?: boolean;
                        /** @enum {string} */
                        classification?: "public" | "internal" | "confidential" | "restricted";
                        description?: string;
                        properties?: {
                            name: string;
                            /** @enum {string} */
                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                            physicalType?: string;
                            required?: boolean;
                            unique?: boolean;
                            primaryKey?: boolean;
                            /** @enum {string} */
                            classification?: "public" | "internal" | "confidential" | "restricted";
                            description?: string;
                            properties?: unknown;
                            items?: unknown;
                        }[];
                        items?: {
                            /** @enum {string} */
                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                            physicalType?: string;
                            required?: boolean;
                            unique?: boolean;
                            primaryKey?: boolean;
                            /** @enum {string} */
                            classification?: "public" | "internal" | "confidential" | "restricted";
                            description?: string;
                            properties?: unknown;
                            items?: unknown;
                        };
                    };
                };
            }[];
            items?: {
                /** @enum {string} */
                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                physicalType?: string;
                required?: boolean;
                unique?: boolean;
                primaryKey?: boolean;
                /** @enum {string} */
                classification?: "public" | "internal" | "confidential" | "restricted";
                description?: string;
                properties?: {
                    name: string;
                    /** @enum {string} */
                    logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                    physicalType?: string;
                    required?: boolean;
                    unique?: boolean;
                    primaryKey?: boolean;
                    /** @enum {string} */
                    classification?: "public" | "internal" | "confidential" | "restricted";
                    description?: string;
                    properties?: {
                        name: string;
                        /** @enum {string} */
                        logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                        physicalType?: string;
                        required?: boolean;
                        unique?: boolean;
                        primaryKey?: boolean;
                        /** @enum {string} */
                        classification?: "public" | "internal" | "confidential" | "restricted";
                        description?: string;
                        properties?: {
                            name: string;
                            /** @enum {string} */
                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                            physicalType?: string;
                            required?: boolean;
                            unique?: boolean;
                            primaryKey?: boolean;
                            /** @enum {string} */
                            classification?: "public" | "internal" | "confidential" | "restricted";
                            description?: string;
                            properties?: unknown;
                            items?: unknown;
                        }[];
                        items?: {
                            /** @enum {string} */
                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                            physicalType?: string;
                            required?: boolean;
                            unique?: boolean;
                            primaryKey?: boolean;
                            /** @enum {string} */
                            classification?: "public" | "internal" | "confidential" | "restricted";
                            description?: string;
                            properties?: unknown;
                            items?: unknown;
                        };
                    }[];
                    items?: {
                        /** @enum {string} */
                        logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                        physicalType?: string;
                        required?: boolean;
                        unique?: boolean;
                        primaryKey?: boolean;
                        /** @enum {string} */
                        classification?: "public" | "internal" | "confidential" | "restricted";
                        description?: string;
                        properties?: {
                            name: string;
                            /** @enum {string} */
                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                            physicalType?: string;
                            required?: boolean;
                            unique?: boolean;
                            primaryKey?: boolean;
                            /** @enum {string} */
                            classification?: "public" | "internal" | "confidential" | "restricted";
                            description?: string;
                            properties?: unknown;
                            items?: unknown;
                        }[];
                        items?: {
                            /** @enum {string} */
                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                            physicalType?: string;
                            required?: boolean;
                            unique?: boolean;
                            primaryKey?: boolean;
                            /** @enum {string} */
                            classification?: "public" | "internal" | "confidential" | "restricted";
                            description?: string;
                            properties?: unknown;
                            items?: unknown;
                        };
                    };
                }[];
                items?: {
                    /** @enum {string} */
                    logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                    physicalType?: string;
                    required?: boolean;
                    unique?: boolean;
                    primaryKey?: boolean;
                    /** @enum {string} */
                    classification?: "public" | "internal" | "confidential" | "restricted";
                    description?: string;
                    properties?: {
                        name: string;
                        /** @enum {string} */
                        logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                        physicalType?: string;
                        required?: boolean;
                        unique?: boolean;
                        primaryKey?: boolean;
                        /** @enum {string} */
                        classification?: "public" | "internal" | "confidential" | "restricted";
                        description?: string;
                        properties?: {
                            name: string;
                            /** @enum {string} */
                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                            physicalType?: string;
                            required?: boolean;
                            unique?: boolean;
                            primaryKey?: boolean;
                            /** @enum {string} */
                            classification?: "public" | "internal" | "confidential" | "restricted";
                            description?: string;
                            properties?: unknown;
                            items?: unknown;
                        }[];
                        items?: {
                            /** @enum {string} */
                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                            physicalType?: string;
                            required?: boolean;
                            unique?: boolean;
                            primaryKey?: boolean;
                            /** @enum {string} */
                            classification?: "public" | "internal" | "confidential" | "restricted";
                            description?: string;
                            properties?: unknown;
                            items?: unknown;
                        };
                    }[];
                    items?: {
                        /** @enum {string} */
                        logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                        physicalType?: string;
                        required?: boolean;
                        unique?: boolean;
                        primaryKey?: boolean;
                        /** @enum {string} */
                        classification?: "public" | "internal" | "confidential" | "restricted";
                        description?: string;
                        properties?: {
                            name: string;
                            /** @enum {string} */
                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                            physicalType?: string;
                            required?: boolean;
                            unique?: boolean;
                            primaryKey?: boolean;
                            /** @enum {string} */
                            classification?: "public" | "internal" | "confidential" | "restricted";
                            description?: string;
                            properties?: unknown;
                            items?: unknown;
                        }[];
                        items?: {
                            /** @enum {string} */
                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                            physicalType?: string;
                            required?: boolean;
                            unique?: boolean;
                            primaryKey?: boolean;
                            /** @enum {string} */
                            classification?: "public" | "internal" | "confidential" | "restricted";
                            description?: string;
                            properties?: unknown;
                            items?: unknown;
                        };
                    };
                };
            };
        }[];
        /** @description One field of an OpenLineage `schema` facet */
        ObservedField: {
            name: string;
            /** @description The type as the producer spelled it */
            type?: string;
            /** @description Nested fields (array items are `_element`, map entries `key` and `value`) */
            fields?: components["schemas"]["ObservedField"][];
        };
        /** @description The newest schema lineage reported for an output in an environment */
        ObservedSchema: {
            /** @description The identity lineage reported it under (the output’s, or another identity of the same dataset) */
            dataset: string;
            fields: components["schemas"]["ObservedField"][];
            /** Format: uuid */
            runId: string;
            /** @description `<namespace>/<name>` of the job whose run reported it */
            job: string;
            /**
             * Format: date-time
             * @description The event time of the report
             */
            observedAt: string;
            /** @description The facet’s `_schemaURL` (any version of the schema facet is read) */
            facetVersion: string | null;
        };
        /** @description One disagreement between an output’s declared and observed schema */
        DriftFinding: {
            /**
             * @description `missing`: declared, not observed; `type`: the types differ; `undeclared`: observed, not declared
             * @enum {string}
             */
            kind: "missing" | "type" | "undeclared";
            /** @description Dotted path (`address.city`, array items `_element`) */
            field: string;
            /** @description The declared type (physical if declared, else logical); null when not declared */
            declared: string | null;
            /** @description The observed type; null when not observed */
            observed: string | null;
        };
        /** @description A period during which an output’s observed schema in an environment disagreed with its declared schema */
        ContractDrift: {
            /** Format: uuid */
            id: string;
            product: string;
            /** @description Lineage node id of the output dataset (`dataset:<namespace>:<name>`) */
            output: string;
            environment: string;
            /** @description The revision whose declared schema was compared last */
            revision: number;
            /** @description What disagrees (while open: now; once resolved: last) */
            findings: components["schemas"]["DriftFinding"][];
            /**
             * Format: date-time
             * @description When the observed schema compared last was reported
             */
            observedAt: string;
            /** Format: date-time */
            openedAt: string;
            /**
             * Format: date-time
             * @description Null while open
             */
            resolvedAt: string | null;
        };
        ContractDriftPage: {
            items: components["schemas"]["ContractDrift"][];
            /** @description Pass as `cursor` to get the next page; null on the last page */
            nextCursor: string | null;
        };
        DriftEvaluation: {
            /** Format: date-time */
            evaluatedAt: string;
            /** @description Drifts this evaluation opened */
            opened: components["schemas"]["ContractDrift"][];
            /** @description Drifts this evaluation resolved */
            resolved: components["schemas"]["ContractDrift"][];
        };
        ProductContract: {
            product: string;
            /** @description The current revision, whose declared schemas are shown */
            revision: number;
            outputs: {
                /** @description Lineage node id of the output dataset (`dataset:<namespace>:<name>`) */
                output: string;
                namespace: string;
                name: string;
                /** @description Null when the output declares no schema */
                declared: null | components["schemas"]["DeclaredSchema"];
                /** @description Every configured environment, in order */
                environments: {
                    environment: string;
                    /** @description Null while lineage reported no schema for the output there */
                    observed: null | components["schemas"]["ObservedSchema"];
                    /** @description How the observed schema disagrees with the declared one now (empty when it matches, or when either is missing) */
                    findings: components["schemas"]["DriftFinding"][];
                }[];
            }[];
            /** @description Drift records still open, newest first */
            openDrift: components["schemas"]["ContractDrift"][];
        };
        /** @description One output's contract as ODCS v3.1.0 (also served as application/yaml) */
        OdcsContract: {
            /** @enum {string} */
            apiVersion: "v3.1.0";
            /** @enum {string} */
            kind: "DataContract";
            /** @description `urn:gatehouse:contract:<product>:<namespace>/<name>`, or the id of the contract imported for the output */
            id: string;
            name: string;
            /** @description `<revision>.0.0`: the revision exported */
            version: string;
            /** @enum {string} */
            status: "active" | "retired";
            domain: string;
            /** @description The product name */
            dataProduct: string;
            tags?: string[];
            /** @description The product description as `purpose`; kept usage, limitations, … */
            description?: {
                purpose?: string;
            };
            /** @description The owning team and the stewards */
            team: {
                /** @description The owning team, `team:<slug>` */
                name: string;
                members: {
                    username: string;
                    /** @description `owner` (the team) or `steward` (an e-mail address) */
                    role?: string;
                }[];
            };
            /** @description One schema object: the output */
            schema: {
                name: string;
                /** @description The OpenLineage dataset name */
                physicalName: string;
                physicalType: string;
                logicalType: string;
                properties?: {
                    name?: string;
                    logicalType?: string;
                    physicalType?: string;
                    required?: boolean;
                    unique?: boolean;
                    primaryKey?: boolean;
                    classification?: string;
                    description?: string;
                }[];
                quality?: Record<string, never>[];
                /** @description Gatehouse-only fields (gatehouseProduct, gatehouseTier, gatehouseClassification, gatehouseContainsPii, gatehouseBindings, gatehouseFreshness, gatehouseSchedule; openlineageNamespace and openlineageName on schema objects and ports), then kept ones */
                customProperties: {
                    property: string;
                    /** @description Any JSON value */
                    value: unknown;
                }[];
            }[];
            /** @description Freshness as `latency` (value and unit), the schedule as `frequency` (cron), then kept SLA properties */
            slaProperties?: {
                property: string;
                value: string | number | boolean | null;
                unit?: string;
                scheduler?: string;
                schedule?: string;
            }[];
            /** @description Gatehouse-only fields (gatehouseProduct, gatehouseTier, gatehouseClassification, gatehouseContainsPii, gatehouseBindings, gatehouseFreshness, gatehouseSchedule; openlineageNamespace and openlineageName on schema objects and ports), then kept ones */
            customProperties: {
                property: string;
                /** @description Any JSON value */
                value: unknown;
            }[];
        };
        /** @description The product as ODPS v1.0.0 (also served as application/yaml) */
        OdpsProduct: {
            /** @enum {string} */
            apiVersion: "v1.0.0";
            /** @enum {string} */
            kind: "DataProduct";
            /** @description `urn:gatehouse:data-product:<product>`, or the id of the document imported */
            id: string;
            /** @description The product title */
            name: string;
            /** @description `<revision>.0.0`: the revision exported */
            version: string;
            /** @enum {string} */
            status: "active" | "retired";
            domain: string;
            tags?: string[];
            /** @description The product description as `purpose`; kept usage, limitations, … */
            description?: {
                purpose?: string;
            };
            /** @description The owning team and the stewards */
            team: {
                /** @description The owning team, `team:<slug>` */
                name: string;
                members: {
                    username: string;
                    /** @description `owner` (the team) or `steward` (an e-mail address) */
                    role?: string;
                }[];
            };
            outputPorts: {
                /** @description The OpenLineage dataset name */
                name: string;
                /** @description `<revision>.0.0`: the revision exported */
                version: string;
                /** @description The id of the output's ODCS contract */
                contractId: string;
                /** @description Gatehouse-only fields (gatehouseProduct, gatehouseTier, gatehouseClassification, gatehouseContainsPii, gatehouseBindings, gatehouseFreshness, gatehouseSchedule; openlineageNamespace and openlineageName on schema objects and ports), then kept ones */
                customProperties: {
                    property: string;
                    /** @description Any JSON value */
                    value: unknown;
                }[];
            }[];
            /** @description Gatehouse-only fields (gatehouseProduct, gatehouseTier, gatehouseClassification, gatehouseContainsPii, gatehouseBindings, gatehouseFreshness, gatehouseSchedule; openlineageNamespace and openlineageName on schema objects and ports), then kept ones */
            customProperties: {
                property: string;
                /** @description Any JSON value */
                value: unknown;
            }[];
        };
        /** @description What the console needs to know of the server’s configuration */
        ConsoleSettings: {
            /** @description The most nodes the lineage explorer draws at once (GATEHOUSE_LINEAGE_VIEW_MAX_NODES); beyond it, it asks to narrow the view */
            lineageMaxNodes: number;
        };
        /** @description The process is up and serving HTTP */
        Health: {
            /** @constant */
            status: "ok";
        };
        /** @description `ready` (200) when the database answers and every migration is applied, else `unready` (503) */
        Readiness: {
            /** @enum {string} */
            status: "ready" | "unready";
            database: {
                reachable: boolean;
                /** @enum {string} */
                backend: "embedded" | "postgres";
                migrations: {
                    /** @description Migrations shipped with this build */
                    expected: number;
                    /** @description Migrations the database records as applied */
                    applied: number;
                    /** @description Shipped migrations not applied yet (all of them while the database is unreachable) */
                    pending: string[];
                };
                /** @description Why the database could not be reached */
                error?: string;
            };
        };
        Orchestrator: {
            /** @description What product bindings name */
            name: string;
            /** @enum {string} */
            kind: "airflow" | "dagster";
            environment: string;
            baseUrl: string;
            /** @description Where its own UI is (links to runs); the base URL unless the orchestrators file says otherwise */
            uiUrl: string;
            /** @description The OpenLineage namespace its jobs report under */
            lineageNamespace: string;
            /** @description Asked live; an instance that is down is reported, not an error */
            health: {
                healthy: boolean;
                version: string | null;
                /** @description Orchestrator-specific facts (scheduler heartbeat, code locations…) */
                details: Record<string, never>;
                /**
                 * Format: date-time
                 * @description When the instance answered, or failed to
                 */
                checkedAt: string;
                /** @description Why the health check failed (only then) */
                error?: {
                    code: string;
                    message: string;
                };
            };
        };
        OrchestratorList: {
            items: components["schemas"]["Orchestrator"][];
        };
        DiscoveredDag: {
            /** @constant */
            type: "dag";
            /** @description Airflow dag_id */
            dagId: string;
            owners: string[];
            tags: string[];
            /** @description As Airflow states it (a cron expression, a preset, a timetable’s summary) */
            schedule: string | null;
            paused: boolean;
            description: string | null;
        };
        DiscoveredAsset: {
            /** @constant */
            type: "asset";
            /** @description Asset key path, e.g. `["sales", "orders_daily"]` */
            assetKey: string[];
            group: string | null;
            owners: string[];
            tags: {
                [key: string]: string;
            };
            kinds: string[];
            /** @description Keys of the assets it depends on */
            dependencies: string[][];
            /** @description Names of its asset checks */
            checks: string[];
            description: string | null;
            /** @description The freshness expectation the orchestrator declares for it, if any */
            freshness: null | {
                maximumLagMinutes: number;
                /** @description A deadline cron, when the policy has one */
                cron: string | null;
            };
        };
        SyncItem: {
            discovered: components["schemas"]["DiscoveredDag"] | components["schemas"]["DiscoveredAsset"];
            /** @description The binding a manifest would have for it */
            binding: {
                orchestrator: string;
                /** @description Airflow dag_id */
                dag: string;
                task?: string;
            } | {
                orchestrator: string;
                /** @description Asset key path, e.g. `["sales", "orders_daily"]` */
                asset: string[];
            };
            /** @description The product bound to it; null when none is */
            product: null | {
                name: string;
                revision: number;
            };
            /** @description For an unbound item: a manifest to review and apply (it may need changes; see proposalProblems); null when bound */
            proposedManifest: Record<string, never> | null;
            /** @description Why the proposed manifest is not valid as it is (empty when it is) */
            proposalProblems: {
                field: string;
                message: string;
            }[];
        };
        SyncReport: {
            orchestrator: string;
            /** Format: date-time */
            discoveredAt: string;
            bound: number;
            unbound: number;
            items: components["schemas"]["SyncItem"][];
        };
        /** @description What a run runs: a DAG (Airflow) or asset keys (Dagster) */
        RunTarget: {
            /** @constant */
            kind: "dag";
            /** @description Airflow dag_id */
            dagId: string;
        } | {
            /** @constant */
            kind: "assets";
            assetKeys: string[][];
        };
        RunStep: {
            /** @description Task id (mapped tasks: `task[0]`…) or step key */
            name: string;
            /** @enum {string} */
            status: "queued" | "running" | "succeeded" | "failed" | "cancelled" | "skipped" | "pending";
            /** Format: date-time */
            startedAt: string | null;
            /** Format: date-time */
            endedAt: string | null;
        };
        /** @description A run of a product’s bound target */
        Run: {
            /**
             * Format: uuid
             * @description Gatehouse’s run id, also the run id the orchestrator was given
             */
            id: string;
            /**
             * @description `gatehouse`: triggered here; `lineage`: only the orchestrator’s lineage reported it
             * @enum {string}
             */
            source: "gatehouse" | "lineage";
            /**
             * Format: uuid
             * @description The OpenLineage run reporting it, once lineage arrived
             */
            lineageRunId: string | null;
            orchestrator: string;
            environment: string;
            /** @description The data product it ran for */
            product: string | null;
            /** @description The product revision it ran for; null for runs only lineage reported */
            revision: number | null;
            target: components["schemas"]["RunTarget"];
            /** @enum {string} */
            status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
            /** @description The orchestrator’s own state name */
            nativeStatus: string | null;
            steps: components["schemas"]["RunStep"][];
            error: string | null;
            /** @description Principal id; `lineage` for runs only lineage reported */
            requestedBy: string;
            /** Format: date-time */
            requestedAt: string;
            /** Format: date-time */
            startedAt: string | null;
            /** Format: date-time */
            endedAt: string | null;
            /** Format: date-time */
            updatedAt: string;
            /**
             * Format: uri
             * @description The run in its orchestrator’s own UI (Airflow 3: `{uiUrl}/dags/{dagId}/runs/{dagRunId}`; Dagster: `{uiUrl}/runs/{runId}`); null while its id there is unknown (a Dagster run before lineage reported it)
             */
            externalUrl: string | null;
        };
        RunPage: {
            items: components["schemas"]["Run"][];
            /** @description Pass as `cursor` to get the next page; null on the last page */
            nextCursor: string | null;
        };
        /** @description One try of a task (each try is a lineage run of its own) */
        LineageTaskTry: {
            /** @description The orchestrator’s try number (Airflow’s `try_number`), else the try’s place among the task’s runs */
            try: number;
            /** @description OpenLineage run id of this try */
            runId: string;
            /**
             * @description `other` when only OTHER events arrived
             * @enum {string}
             */
            status: "running" | "succeeded" | "failed" | "cancelled" | "other";
            /** Format: date-time */
            startedAt: string | null;
            /** Format: date-time */
            endedAt: string | null;
            errorMessage: string | null;
        };
        /** @description A task of the run, once, whatever the number of tries */
        LineageTask: {
            /** @description OpenLineage run id of the last try */
            runId: string;
            /** @description Lineage node id of the job */
            job: string;
            /**
             * @description The last try’s status: what the task ended as
             * @enum {string}
             */
            status: "running" | "succeeded" | "failed" | "cancelled" | "other";
            /**
             * Format: date-time
             * @description When the first try started
             */
            startedAt: string | null;
            /**
             * Format: date-time
             * @description When the last try ended
             */
            endedAt: string | null;
            /** @description The last try’s error */
            errorMessage: string | null;
            /** @description Every try, first to last */
            tries: components["schemas"]["LineageTaskTry"][];
            /** @description Datasets (lineage node ids) its last try read */
            inputs: string[];
            /** @description Datasets (lineage node ids) its last try wrote */
            outputs: string[];
        };
        /** @description What lineage reported of a run: the run (a DAG run) and its tasks */
        LineageRun: {
            /** @description OpenLineage run id */
            runId: string;
            /** @description Lineage node id of the job */
            job: string;
            /**
             * @description `other` when only OTHER events arrived
             * @enum {string}
             */
            status: "running" | "succeeded" | "failed" | "cancelled" | "other";
            /** Format: date-time */
            startedAt: string | null;
            /** Format: date-time */
            endedAt: string | null;
            errorMessage: string | null;
            /** @description Datasets (lineage node ids) the run or any of its tasks read */
            inputs: string[];
            /** @description Datasets (lineage node ids) the run or any of its tasks wrote */
            outputs: string[];
            tasks: components["schemas"]["LineageTask"][];
        };
        /** @description One run, refreshed from its orchestrator while it is not final, with what lineage reported of it */
        RunDetail: components["schemas"]["Run"] & {
            /** @description True when the state was just read from the orchestrator */
            live: boolean;
            /** @description Null until lineage reported the run */
            lineage: null | components["schemas"]["LineageRun"];
        };
        /** @description A rule as written in a policy file, with the role, file and path inside the file it comes from */
        RuleReference: {
            role: string;
            /** @description File name in the policy folder */
            file: string;
            /** @description Where the rule is in its file, e.g. `roles[2].rules[0]` */
            path: string;
            action: ("manage" | "read" | "create" | "update" | "delete" | "retire" | "evaluate" | "reload" | "trigger" | "sync" | "ingest" | "request" | "approve" | "override" | "rollback" | "acknowledge") | ("manage" | "read" | "create" | "update" | "delete" | "retire" | "evaluate" | "reload" | "trigger" | "sync" | "ingest" | "request" | "approve" | "override" | "rollback" | "acknowledge")[];
            subject: ("all" | "DataProduct" | "Principal" | "ApiToken" | "Policy" | "AuditEntry" | "Orchestrator" | "Run" | "Lineage" | "Sla" | "Promotion" | "Contract") | ("all" | "DataProduct" | "Principal" | "ApiToken" | "Policy" | "AuditEntry" | "Orchestrator" | "Run" | "Lineage" | "Sla" | "Promotion" | "Contract")[];
            conditions?: {
                [key: string]: unknown;
            };
            fields?: string | string[];
            /** @default false */
            inverted: boolean;
            reason?: string;
        };
        PolicyRole: {
            name: string;
            description?: string;
            /** @description File name in the policy folder */
            file: string;
            rules: components["schemas"]["RuleReference"][];
        };
        /** @description The promotion gates of one environment as written, defaults filled in, with the entries that refine them per product */
        EnvironmentGates: {
            /** @default [] */
            checks: ("ownerDeclared" | "slaDeclared" | "classificationDeclared" | "stewardDeclared" | "sourceRevisionSucceeded" | "outputsFresh" | "checksPassing" | "noFreezeWindow" | "approvals" | "breakingChangesAcknowledged")[];
            /** @default [] */
            softChecks: ("ownerDeclared" | "slaDeclared" | "classificationDeclared" | "stewardDeclared" | "sourceRevisionSucceeded" | "outputsFresh" | "checksPassing" | "noFreezeWindow" | "approvals" | "breakingChangesAcknowledged")[];
            approvals?: {
                required: number;
                /** @default [] */
                fromRoles: string[];
                /** @default [] */
                fromTeams: string[];
                /** @default false */
                requesterMayApprove: boolean;
                /** @default false */
                serviceAccountsMayApprove: boolean;
                /** @default true */
                piiRequiresSteward: boolean;
                /** @default steward */
                stewardRole: string;
                /** @default P7D */
                expireAfter: string;
                /** @default P30D */
                expireRequestsAfter: string;
            };
            /** @default [] */
            freezeWindows: {
                cron: string;
                duration: string;
                /** @default UTC */
                timezone: string;
                reason: string;
            }[];
            /**
             * @default [
             *       "admin"
             *     ]
             */
            breakGlassRoles: string[];
            /**
             * @description Gates for the products each entry’s `when` matches, applied in order on top of the environment’s own: an entry changes only what it names, so the last matching entry wins
             * @default []
             */
            rules: {
                description?: string;
                /** @description A condition on the product in the CASL rules’ language (a Prisma `where` filter) on name, domain, owner, tags, tier, classification, containsPii, with AND, OR and NOT, e.g. `{ tier: 1 }` or `{ tier: { gte: 3 } }` */
                when: {
                    [key: string]: unknown;
                };
                checks?: ("ownerDeclared" | "slaDeclared" | "classificationDeclared" | "stewardDeclared" | "sourceRevisionSucceeded" | "outputsFresh" | "checksPassing" | "noFreezeWindow" | "approvals" | "breakingChangesAcknowledged")[] | {
                    /** @default [] */
                    add: ("ownerDeclared" | "slaDeclared" | "classificationDeclared" | "stewardDeclared" | "sourceRevisionSucceeded" | "outputsFresh" | "checksPassing" | "noFreezeWindow" | "approvals" | "breakingChangesAcknowledged")[];
                    /** @default [] */
                    remove: ("ownerDeclared" | "slaDeclared" | "classificationDeclared" | "stewardDeclared" | "sourceRevisionSucceeded" | "outputsFresh" | "checksPassing" | "noFreezeWindow" | "approvals" | "breakingChangesAcknowledged")[];
                };
                softChecks?: ("ownerDeclared" | "slaDeclared" | "classificationDeclared" | "stewardDeclared" | "sourceRevisionSucceeded" | "outputsFresh" | "checksPassing" | "noFreezeWindow" | "approvals" | "breakingChangesAcknowledged")[] | {
                    /** @default [] */
                    add: ("ownerDeclared" | "slaDeclared" | "classificationDeclared" | "stewardDeclared" | "sourceRevisionSucceeded" | "outputsFresh" | "checksPassing" | "noFreezeWindow" | "approvals" | "breakingChangesAcknowledged")[];
                    /** @default [] */
                    remove: ("ownerDeclared" | "slaDeclared" | "classificationDeclared" | "stewardDeclared" | "sourceRevisionSucceeded" | "outputsFresh" | "checksPassing" | "noFreezeWindow" | "approvals" | "breakingChangesAcknowledged")[];
                };
                approvals?: {
                    required?: number;
                    fromRoles?: string[];
                    fromTeams?: string[];
                    requesterMayApprove?: boolean;
                    serviceAccountsMayApprove?: boolean;
                    piiRequiresSteward?: boolean;
                    stewardRole?: string;
                    expireAfter?: string;
                    expireRequestsAfter?: string;
                };
                freezeWindows?: {
                    cron: string;
                    duration: string;
                    /** @default UTC */
                    timezone: string;
                    reason: string;
                }[];
                breakGlassRoles?: string[];
            }[];
        };
        PolicySet: {
            /** @description Digest of the policy files’ content */
            version: string;
            /** Format: date-time */
            loadedAt: string;
            /** @description The policy folder */
            directory: string;
            /** @description File names, sorted */
            files: string[];
            roles: components["schemas"]["PolicyRole"][];
            /** @description Promotion gates per environment (environments without gates are absent) */
            gates: {
                [key: string]: components["schemas"]["EnvironmentGates"];
            };
        };
        PolicyReload: {
            /** @description Digest of the policy files’ content */
            version: string;
            /** @description Digest of the policy files’ content */
            previousVersion: string;
            /** @description False when the files gave the same set again */
            changed: boolean;
            /** Format: date-time */
            loadedAt: string;
        };
        PolicyEvaluation: {
            allowed: boolean;
            /** @enum {string} */
            action: "manage" | "read" | "create" | "update" | "delete" | "retire" | "evaluate" | "reload" | "trigger" | "sync" | "ingest" | "request" | "approve" | "override" | "rollback" | "acknowledge";
            /** @enum {string} */
            subjectType: "all" | "DataProduct" | "Principal" | "ApiToken" | "Policy" | "AuditEntry" | "Orchestrator" | "Run" | "Lineage" | "Sla" | "Promotion" | "Contract";
            /** @description Only when the question named a field */
            field?: string;
            /** @description The deciding rule’s reason, or a sentence saying that no rule allows it */
            reason: string;
            /** @description Null when no rule applies (then it is denied) */
            decidingRule: null | components["schemas"]["RuleReference"];
            /** @description Every rule for this action and subject whose conditions match */
            matchedRules: components["schemas"]["RuleReference"][];
            /** @description Digest of the policy files’ content */
            policyVersion: string;
            /** @description Who was asked about; a stored principal comes with its stored fields (email, disabled…) */
            principal: components["schemas"]["Principal"];
            /** @description The subject type asked about, or the record the rules were matched against (attributes given inline, or loaded by `{type, id}`) */
            subject: ("all" | "DataProduct" | "Principal" | "ApiToken" | "Policy" | "AuditEntry" | "Orchestrator" | "Run" | "Lineage" | "Sla" | "Promotion" | "Contract") | {
                /** @enum {string} */
                type: "all" | "DataProduct" | "Principal" | "ApiToken" | "Policy" | "AuditEntry" | "Orchestrator" | "Run" | "Lineage" | "Sla" | "Promotion" | "Contract";
            };
        };
        /** @description Freshness of one product in one environment, computed when asked */
        SlaState: {
            product: string;
            environment: string;
            /** @description The SLA’s ISO 8601 duration, e.g. `PT6H` */
            freshness: string;
            /**
             * @description `breached` as soon as one output is not fresh
             * @enum {string}
             */
            status: "fresh" | "breached";
            /**
             * Format: date-time
             * @description The earliest deadline still ahead: when it breaches if nothing is produced; null when none is ahead
             */
            breachesAt: string | null;
            outputs: {
                /** @description Lineage node id of the output dataset (`dataset:<namespace>:<name>`) */
                output: string;
                /**
                 * Format: date-time
                 * @description Last successful production in this environment; null if never
                 */
                lastProducedAt: string | null;
                /**
                 * Format: date-time
                 * @description When it is (or was) due again: last production, or the product’s registration, plus the freshness
                 */
                deadline: string;
                /**
                 * @description `missing`: never produced and past its deadline
                 * @enum {string}
                 */
                status: "fresh" | "stale" | "missing";
            }[];
        };
        SlaStateList: {
            /** Format: date-time */
            evaluatedAt: string;
            items: components["schemas"]["SlaState"][];
        };
        /** @description A period during which an output was out of its freshness SLA */
        SlaBreach: {
            /** Format: uuid */
            id: string;
            product: string;
            environment: string;
            /** @description Lineage node id of the output dataset (`dataset:<namespace>:<name>`) */
            output: string;
            /**
             * Format: date-time
             * @description The deadline that was missed
             */
            openedAt: string;
            /**
             * Format: date-time
             * @description Null while open
             */
            resolvedAt: string | null;
            /** Format: date-time */
            lastProducedAt: string | null;
        };
        SlaBreachPage: {
            items: components["schemas"]["SlaBreach"][];
            /** @description Pass as `cursor` to get the next page; null on the last page */
            nextCursor: string | null;
        };
        SlaEvaluation: {
            /** Format: date-time */
            evaluatedAt: string;
            /** @description Breaches this evaluation opened */
            opened: components["schemas"]["SlaBreach"][];
            /** @description Breaches this evaluation resolved */
            resolved: components["schemas"]["SlaBreach"][];
        };
        ProductSla: {
            product: string;
            /** @description The SLA’s ISO 8601 duration; null when the product declares none */
            freshness: string | null;
            /** @description Its freshness in each environment it runs in */
            environments: components["schemas"]["SlaState"][];
            /** @description Its 50 most recent breaches, newest first */
            breaches: components["schemas"]["SlaBreach"][];
        };
        /** @description A product’s freshness over a period in one environment */
        SlaTimeline: {
            product: string;
            environment: string;
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            /** @description The SLA as the manifest declares it; null when it declares none */
            freshness: null | {
                /** @description The SLA’s ISO 8601 duration, e.g. `PT6H` */
                freshness: string;
                /** @description A cron expression, when the manifest gives one */
                schedule?: string;
            };
            /** @description Successful productions of its outputs in the environment during the period, oldest first */
            productions: {
                /** Format: date-time */
                at: string;
                /** @description Lineage node id of the output dataset (`dataset:<namespace>:<name>`) */
                dataset: string;
                /** @description The OpenLineage run that produced it */
                runId: string | null;
            }[];
            /** @description The deadlines that fell in the period, oldest first */
            deadlines: {
                /**
                 * Format: date-time
                 * @description When the output was due: its production before (or the product’s registration) plus the freshness
                 */
                at: string;
                /** @description Lineage node id of the output dataset (`dataset:<namespace>:<name>`) */
                dataset: string;
                /**
                 * Format: date-time
                 * @description The `at` of the production that met it; null when none did (yet)
                 */
                metBy: string | null;
                /**
                 * @description `pending`: still ahead and not met yet
                 * @enum {string}
                 */
                state: "met" | "missed" | "pending";
            }[];
            /** @description Breaches open at some time in the period, oldest first */
            breaches: {
                /** Format: uuid */
                id: string;
                product: string;
                environment: string;
                /** @description Lineage node id of the output dataset (`dataset:<namespace>:<name>`) */
                output: string;
                /**
                 * Format: date-time
                 * @description The deadline that was missed
                 */
                openedAt: string;
                /**
                 * Format: date-time
                 * @description Null while open
                 */
                resolvedAt: string | null;
                /** Format: date-time */
                lastProducedAt: string | null;
                /** @description What was due when, and when it was last produced */
                reason: string;
            }[];
            /** @description True when the period had more than 10,000 productions (the oldest are listed) */
            truncated: boolean;
        };
        GateResult: {
            /** @enum {string} */
            check: "ownerDeclared" | "slaDeclared" | "classificationDeclared" | "stewardDeclared" | "sourceRevisionSucceeded" | "outputsFresh" | "checksPassing" | "noFreezeWindow" | "approvals" | "breakingChangesAcknowledged";
            /** @description A hard gate blocks; a soft one only warns */
            hard: boolean;
            /** @enum {string} */
            status: "passed" | "failed" | "pending" | "overridden";
            message: string;
            /** @description What the gate looked at (runs, SLA state, approvals, freeze windows …) */
            evidence: Record<string, never>;
        };
        Approval: {
            principal: string;
            /** @enum {string} */
            decision: "approve" | "reject";
            comment: string;
            /** Format: date-time */
            at: string;
            /** Format: date-time */
            expiresAt: string;
            /** @description Counts now: not expired, and the product unchanged since */
            valid: boolean;
        };
        GateOverride: {
            /** @enum {string} */
            check: "ownerDeclared" | "slaDeclared" | "classificationDeclared" | "stewardDeclared" | "sourceRevisionSucceeded" | "outputsFresh" | "checksPassing" | "noFreezeWindow" | "approvals" | "breakingChangesAcknowledged";
            by: string;
            reason: string;
            /** Format: date-time */
            at: string;
        };
        Promotion: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "promotion" | "rollback";
            product: string;
            revision: number;
            digest: string;
            from: string;
            to: string;
            reason: string;
            /** @enum {string} */
            state: "requested" | "blocked" | "awaiting_approval" | "approved" | "executing" | "succeeded" | "failed" | "rejected" | "expired" | "cancelled" | "rolled_back";
            stateReason: string | null;
            requestedBy: string;
            gates: components["schemas"]["GateResult"][];
            overrides: components["schemas"]["GateOverride"][];
            breakGlass: boolean;
            approvals: components["schemas"]["Approval"][];
            /** @description The policy set that evaluated the gates last */
            policyVersion: string;
            runId: string | null;
            orchestrator: string | null;
            attempts: number;
            /** Format: date-time */
            nextAttemptAt: string | null;
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** Format: date-time */
            approvedAt: string | null;
            /** Format: date-time */
            completedAt: string | null;
            /**
             * Format: date-time
             * @description When an open request lapses unless approved
             */
            expiresAt: string | null;
        };
        PromotionPage: {
            items: components["schemas"]["Promotion"][];
            nextCursor: string | null;
        };
        /** @description The promotion after the action, and the audit entry that records the action */
        PromotionReceipt: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "promotion" | "rollback";
            product: string;
            revision: number;
            digest: string;
            from: string;
            to: string;
            reason: string;
            /** @enum {string} */
            state: "requested" | "blocked" | "awaiting_approval" | "approved" | "executing" | "succeeded" | "failed" | "rejected" | "expired" | "cancelled" | "rolled_back";
            stateReason: string | null;
            requestedBy: string;
            gates: components["schemas"]["GateResult"][];
            overrides: components["schemas"]["GateOverride"][];
            breakGlass: boolean;
            approvals: components["schemas"]["Approval"][];
            /** @description The policy set that evaluated the gates last */
            policyVersion: string;
            runId: string | null;
            orchestrator: string | null;
            attempts: number;
            /** Format: date-time */
            nextAttemptAt: string | null;
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** Format: date-time */
            approvedAt: string | null;
            /** Format: date-time */
            completedAt: string | null;
            /**
             * Format: date-time
             * @description When an open request lapses unless approved
             */
            expiresAt: string | null;
            audit: null | components["schemas"]["AuditEntry"];
        };
        ActionCheck: {
            allowed: boolean;
            /** @description Why not, when not allowed */
            reason: string | null;
            /** @description The policy rule that decided, when a policy (not a workflow rule) refused */
            rule: null | {
                role: string;
                file: string;
                path: string;
            };
        };
        PromotionPlan: {
            /** @description What approving does, in one sentence */
            summary: string;
            /** @description The revision the target environment runs now */
            replaces: number | null;
            target: null | {
                orchestrator: string;
                kind: string;
                dag: string | null;
                asset: string[] | null;
            };
            /** @description Why nothing would run in the target environment */
            targetProblem: string | null;
        };
        PromotionDetail: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "promotion" | "rollback";
            product: string;
            revision: number;
            digest: string;
            from: string;
            to: string;
            reason: string;
            /** @enum {string} */
            state: "requested" | "blocked" | "awaiting_approval" | "approved" | "executing" | "succeeded" | "failed" | "rejected" | "expired" | "cancelled" | "rolled_back";
            stateReason: string | null;
            requestedBy: string;
            gates: components["schemas"]["GateResult"][];
            overrides: components["schemas"]["GateOverride"][];
            breakGlass: boolean;
            approvals: components["schemas"]["Approval"][];
            /** @description The policy set that evaluated the gates last */
            policyVersion: string;
            runId: string | null;
            orchestrator: string | null;
            attempts: number;
            /** Format: date-time */
            nextAttemptAt: string | null;
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** Format: date-time */
            approvedAt: string | null;
            /** Format: date-time */
            completedAt: string | null;
            /**
             * Format: date-time
             * @description When an open request lapses unless approved
             */
            expiresAt: string | null;
            plan: components["schemas"]["PromotionPlan"];
            /** @description What the caller may do now, decided by the same policies and rules the actions enforce */
            actions: {
                approve: components["schemas"]["ActionCheck"];
                reject: components["schemas"]["ActionCheck"];
                override: {
                    allowed: boolean;
                    /** @description Why not, when not allowed */
                    reason: string | null;
                    /** @description The policy rule that decided, when a policy (not a workflow rule) refused */
                    rule: null | {
                        role: string;
                        file: string;
                        path: string;
                    };
                    /** @description Failed gates an override could let pass */
                    checks: ("ownerDeclared" | "slaDeclared" | "classificationDeclared" | "stewardDeclared" | "sourceRevisionSucceeded" | "outputsFresh" | "checksPassing" | "noFreezeWindow" | "approvals" | "breakingChangesAcknowledged")[];
                };
                cancel: components["schemas"]["ActionCheck"];
                evaluate: components["schemas"]["ActionCheck"];
                acknowledge: {
                    allowed: boolean;
                    /** @description Why not, when not allowed */
                    reason: string | null;
                    /** @description The policy rule that decided, when a policy (not a workflow rule) refused */
                    rule: null | {
                        role: string;
                        file: string;
                        path: string;
                    };
                    /** @description The downstream products the caller may acknowledge the breaking changes for now */
                    products: string[];
                };
            };
        };
        /** @description What the gates say of a request now; nothing was written */
        PromotionPreview: {
            product: string;
            revision: number;
            from: string;
            to: string;
            /**
             * @description The state the request would start in
             * @enum {string}
             */
            state: "requested" | "blocked" | "awaiting_approval" | "approved" | "executing" | "succeeded" | "failed" | "rejected" | "expired" | "cancelled" | "rolled_back";
            stateReason: string | null;
            gates: components["schemas"]["GateResult"][];
            policyVersion: string;
            plan: components["schemas"]["PromotionPlan"];
        };
        /** @description RFC 9457 problem details; `code` is stable and meant for programs, `detail` for people. */
        Problem: {
            /** @description `urn:gatehouse:problem:<code>` */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @enum {string} */
            code: "validation_failed" | "malformed_body" | "malformed_request" | "headers_too_large" | "request_timeout" | "unsupported_media_type" | "payload_too_large" | "unauthorized" | "forbidden" | "not_found" | "route_not_found" | "method_not_allowed" | "already_exists" | "conflict" | "product_retired" | "precondition_failed" | "policy_invalid" | "service_unavailable" | "orchestrator_unavailable" | "orchestrator_failed" | "internal_error";
            /** @description One entry per invalid field: a dotted path (`spec.sla.freshness`), `query.<name>`, a path parameter by name, or a JSON path (`$[3].run.runId`) for lineage events */
            errors?: {
                field: string;
                message: string;
            }[];
            /** @description Also in the x-request-id header; names the request in the logs */
            requestId?: string;
            /** @description 403: why the policy (or a workflow rule) refused */
            reason?: string;
            /** @description 403: the policy rule that decided, as it is named in the policy files (null: no rule allows it, or a workflow rule refused) */
            rule?: null | {
                role: string;
                file: string;
                path: string;
            };
            /** @description 403: the version of the policy set that decided */
            policyVersion?: string;
            /** @description 403: the manifest field the policy refused to let the caller change (`classification`, `owner` …) */
            field?: string;
            /** @description 412: the ETag the resource has now */
            currentEtag?: string;
            /** @description 405: the methods the path answers (also in Allow) */
            allowed?: string[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    AuditController_list: {
        parameters: {
            query?: {
                principal?: string;
                subjectType?: string;
                subjectId?: string;
                action?: string;
                outcome?: "succeeded" | "failed" | "denied";
                from?: string;
                to?: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEntryPage"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    AuditController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditVerifyReport"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    MetricsController_render: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text exposition format 0.0.4 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiTokensController_list: {
        parameters: {
            query?: {
                principal?: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiTokenPage"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiTokensController_issue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A lower-case slug (svc-airflow) or an e-mail address (ana@example.com), at most 200 characters */
                    principal: string;
                    /** Format: date-time */
                    expiresAt?: string;
                    description?: string;
                };
            };
        };
        responses: {
            /** @description Issued (Location header); the secret is in this answer only */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedApiToken"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiTokensController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiToken"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiTokensController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revoked token */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiToken"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    MeController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Principal"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SignInOptionsController_options: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignInOptions"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PolicyController_active: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicySet"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PolicyController_reload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyReload"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PolicyController_evaluate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    principal: string | {
                        id: string;
                        name?: string;
                        /**
                         * @default person
                         * @enum {string}
                         */
                        kind?: "person" | "service" | "bootstrap";
                        /** @default [] */
                        teams?: string[];
                        /** @default [] */
                        roles?: string[];
                    };
                    /** @enum {string} */
                    action: "manage" | "read" | "create" | "update" | "delete" | "retire" | "evaluate" | "reload" | "trigger" | "sync" | "ingest" | "request" | "approve" | "override" | "rollback" | "acknowledge";
                    subject: ("all" | "DataProduct" | "Principal" | "ApiToken" | "Policy" | "AuditEntry" | "Orchestrator" | "Run" | "Lineage" | "Sla" | "Promotion" | "Contract") | ({
                        /** @enum {string} */
                        type: "all" | "DataProduct" | "Principal" | "ApiToken" | "Policy" | "AuditEntry" | "Orchestrator" | "Run" | "Lineage" | "Sla" | "Promotion" | "Contract";
                        id?: string;
                    } & {
                        [key: string]: unknown;
                    });
                    field?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyEvaluation"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description Not ready: the database does not answer or migrations are pending */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DataProductsController_list: {
        parameters: {
            query?: {
                owner?: string;
                domain?: string;
                tag?: string;
                classification?: "public" | "internal" | "confidential" | "restricted";
                tier?: number;
                q?: string;
                status?: "active" | "retired" | "all";
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DataProductPage"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DataProductsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    apiVersion: "gatehouse/v1";
                    /** @constant */
                    kind: "DataProduct";
                    metadata: {
                        name: string;
                        title: string;
                        domain: string;
                        owner: string;
                        /** @default [] */
                        stewards?: string[];
                        /** @default [] */
                        tags?: string[];
                    };
                    spec: {
                        /** @default  */
                        description?: string;
                        tier: number;
                        /** @enum {string} */
                        classification: "public" | "internal" | "confidential" | "restricted";
                        containsPii: boolean;
                        sla?: {
                            freshness: string;
                            schedule?: string;
                        };
                        /** @default [] */
                        outputs?: {
                            namespace: string;
                            name: string;
                            schema?: {
                                name: string;
                                /** @enum {string} */
                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                physicalType?: string;
                                required?: boolean;
                                unique?: boolean;
                                primaryKey?: boolean;
                                /** @enum {string} */
                                classification?: "public" | "internal" | "confidential" | "restricted";
                                description?: string;
                                properties?: {
                                    name: string;
                                    /** @enum {string} */
                                    logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                    physicalType?: string;
                                    required?: boolean;
                                    unique?: boolean;
                                    primaryKey?: boolean;
                                    /** @enum {string} */
                                    classification?: "public" | "internal" | "confidential" | "restricted";
                                    description?: string;
                                    properties?: {
                                        name: string;
                                        /** @enum {string} */
                                        logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                        physicalType?: string;
                                        required?: boolean;
                                        unique?: boolean;
                                        primaryKey?: boolean;
                                        /** @enum {string} */
                                        classification?: "public" | "internal" | "confidential" | "restricted";
                                        description?: string;
                                        properties?: {
                                            name: string;
                                            /** @enum {string} */
                                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                            physicalType?: string;
                                            required?: boolean;
                                            unique?: boolean;
                                            primaryKey?: boolean;
                                            /** @enum {string} */
                                            classification?: "public" | "internal" | "confidential" | "restricted";
                                            description?: string;
                                            properties?: {
                                                name: string;
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            }[];
                                            items?: {
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            };
                                        }[];
                                        items?: {
                                            /** @enum {string} */
                                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                            physicalType?: string;
                                            required?: boolean;
                                            unique?: boolean;
                                            primaryKey?: boolean;
                                            /** @enum {string} */
                                            classification?: "public" | "internal" | "confidential" | "restricted";
                                            description?: string;
                                            properties?: {
                                                name: string;
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            }[];
                                            items?: {
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            };
                                        };
                                    }[];
                                    items?: {
                                        /** @enum {string} */
                                        logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                        physicalType?: string;
                                        required?: boolean;
                                        unique?: boolean;
                                        primaryKey?: boolean;
                                        /** @enum {string} */
                                        classification?: "public" | "internal" | "confidential" | "restricted";
                                        description?: string;
                                        properties?: {
                                            name: string;
                                            /** @enum {string} */
                                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                            physicalType?: string;
                                            required?: boolean;
                                            unique?: boolean;
                                            primaryKey?: boolean;
                                            /** @enum {string} */
                                            classification?: "public" | "internal" | "confidential" | "restricted";
                                            description?: string;
                                            properties?: {
                                                name: string;
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            }[];
                                            items?: {
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            };
                                        }[];
                                        items?: {
                                            /** @enum {string} */
                                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                            physicalType?: string;
                                            required?: boolean;
                                            unique?: boolean;
                                            primaryKey?: boolean;
                                            /** @enum {string} */
                                            classification?: "public" | "internal" | "confidential" | "restricted";
                                            description?: string;
                                            properties?: {
                                                name: string;
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            }[];
                                            items?: {
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            };
                                        };
                                    };
                                }[];
                                items?: {
                                    /** @enum {string} */
                                    logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                    physicalType?: string;
                                    required?: boolean;
                                    unique?: boolean;
                                    primaryKey?: boolean;
                                    /** @enum {string} */
                                    classification?: "public" | "internal" | "confidential" | "restricted";
                                    description?: string;
                                    properties?: {
                                        name: string;
                                        /** @enum {string} */
                                        logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                        physicalType?: string;
                                        required?: boolean;
                                        unique?: boolean;
                                        primaryKey?: boolean;
                                        /** @enum {string} */
                                        classification?: "public" | "internal" | "confidential" | "restricted";
                                        description?: string;
                                        properties?: {
                                            name: string;
                                            /** @enum {string} */
                                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                            physicalType?: string;
                                            required?: boolean;
                                            unique?: boolean;
                                            primaryKey?: boolean;
                                            /** @enum {string} */
                                            classification?: "public" | "internal" | "confidential" | "restricted";
                                            description?: string;
                                            properties?: {
                                                name: string;
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            }[];
                                            items?: {
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            };
                                        }[];
                                        items?: {
                                            /** @enum {string} */
                                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                            physicalType?: string;
                                            required?: boolean;
                                            unique?: boolean;
                                            primaryKey?: boolean;
                                            /** @enum {string} */
                                            classification?: "public" | "internal" | "confidential" | "restricted";
                                            description?: string;
                                            properties?: {
                                                name: string;
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            }[];
                                            items?: {
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            };
                                        };
                                    }[];
                                    items?: {
                                        /** @enum {string} */
                                        logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                        physicalType?: string;
                                        required?: boolean;
                                        unique?: boolean;
                                        primaryKey?: boolean;
                                        /** @enum {string} */
                                        classification?: "public" | "internal" | "confidential" | "restricted";
                                        description?: string;
                                        properties?: {
                                            name: string;
                                            /** @enum {string} */
                                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                            physicalType?: string;
                                            required?: boolean;
                                            unique?: boolean;
                                            primaryKey?: boolean;
                                            /** @enum {string} */
                                            classification?: "public" | "internal" | "confidential" | "restricted";
                                            description?: string;
                                            properties?: {
                                                name: string;
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            }[];
                                            items?: {
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            };
                                        }[];
                                        items?: {
                                            /** @enum {string} */
                                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                            physicalType?: string;
                                            required?: boolean;
                                            unique?: boolean;
                                            primaryKey?: boolean;
                                            /** @enum {string} */
                                            classification?: "public" | "internal" | "confidential" | "restricted";
                                            description?: string;
                                            properties?: {
                                                name: string;
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            }[];
                                            items?: {
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            };
                                        };
                                    };
                                };
                            }[];
                            quality?: {
                                [key: string]: unknown;
                            }[];
                            extensions?: {
                                [key: string]: unknown;
                            };
                        }[];
                        /** @default [] */
                        bindings?: ({
                            orchestrator: string;
                            dag: string;
                            task?: string;
                        } | {
                            orchestrator: string;
                            asset: string[];
                        })[];
                        extensions?: {
                            [key: string]: unknown;
                        };
                    };
                };
                "application/yaml": {
                    /** @constant */
                    apiVersion: "gatehouse/v1";
                    /** @constant */
                    kind: "DataProduct";
                    metadata: {
                        name: string;
                        title: string;
                        domain: string;
                        owner: string;
                        /** @default [] */
                        stewards?: string[];
                        /** @default [] */
                        tags?: string[];
                    };
                    spec: {
                        /** @default  */
                        description?: string;
                        tier: number;
                        /** @enum {string} */
                        classification: "public" | "internal" | "confidential" | "restricted";
                        containsPii: boolean;
                        sla?: {
                            freshness: string;
                            schedule?: string;
                        };
                        /** @default [] */
                        outputs?: {
                            namespace: string;
                            name: string;
                            schema?: {
                                name: string;
                                /** @enum {string} */
                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                physicalType?: string;
                                required?: boolean;
                                unique?: boolean;
                                primaryKey?: boolean;
                                /** @enum {string} */
                                classification?: "public" | "internal" | "confidential" | "restricted";
                                description?: string;
                                properties?: {
                                    name: string;
                                    /** @enum {string} */
                                    logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                    physicalType?: string;
                                    required?: boolean;
                                    unique?: boolean;
                                    primaryKey?: boolean;
                                    /** @enum {string} */
                                    classification?: "public" | "internal" | "confidential" | "restricted";
                                    description?: string;
                                    properties?: {
                                        name: string;
                                        /** @enum {string} */
                                        logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                        physicalType?: string;
                                        required?: boolean;
                                        unique?: boolean;
                                        primaryKey?: boolean;
                                        /** @enum {string} */
                                        classification?: "public" | "internal" | "confidential" | "restricted";
                                        description?: string;
                                        properties?: {
                                            name: string;
                                            /** @enum {string} */
                                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                            physicalType?: string;
                                            required?: boolean;
                                            unique?: boolean;
                                            primaryKey?: boolean;
                                            /** @enum {string} */
                                            classification?: "public" | "internal" | "confidential" | "restricted";
                                            description?: string;
                                            properties?: {
                                                name: string;
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            }[];
                                            items?: {
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            };
                                        }[];
                                        items?: {
                                            /** @enum {string} */
                                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                            physicalType?: string;
                                            required?: boolean;
                                            unique?: boolean;
                                            primaryKey?: boolean;
                                            /** @enum {string} */
                                            classification?: "public" | "internal" | "confidential" | "restricted";
                                            description?: string;
                                            properties?: {
                                                name: string;
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            }[];
                                            items?: {
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            };
                                        };
                                    }[];
                                    items?: {
                                        /** @enum {string} */
                                        logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                        physicalType?: string;
                                        required?: boolean;
                                        unique?: boolean;
                                        primaryKey?: boolean;
                                        /** @enum {string} */
                                        classification?: "public" | "internal" | "confidential" | "restricted";
                                        description?: string;
                                        properties?: {
                                            name: string;
                                            /** @enum {string} */
                                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                            physicalType?: string;
                                            required?: boolean;
                                            unique?: boolean;
                                            primaryKey?: boolean;
                                            /** @enum {string} */
                                            classification?: "public" | "internal" | "confidential" | "restricted";
                                            description?: string;
                                            properties?: {
                                                name: string;
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            }[];
                                            items?: {
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            };
                                        }[];
                                        items?: {
                                            /** @enum {string} */
                                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                            physicalType?: string;
                                            required?: boolean;
                                            unique?: boolean;
                                            primaryKey?: boolean;
                                            /** @enum {string} */
                                            classification?: "public" | "internal" | "confidential" | "restricted";
                                            description?: string;
                                            properties?: {
                                                name: string;
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            }[];
                                            items?: {
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            };
                                        };
                                    };
                                }[];
                                items?: {
                                    /** @enum {string} */
                                    logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                    physicalType?: string;
                                    required?: boolean;
                                    unique?: boolean;
                                    primaryKey?: boolean;
                                    /** @enum {string} */
                                    classification?: "public" | "internal" | "confidential" | "restricted";
                                    description?: string;
                                    properties?: {
                                        name: string;
                                        /** @enum {string} */
                                        logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                        physicalType?: string;
                                        required?: boolean;
                                        unique?: boolean;
                                        primaryKey?: boolean;
                                        /** @enum {string} */
                                        classification?: "public" | "internal" | "confidential" | "restricted";
                                        description?: string;
                                        properties?: {
                                            name: string;
                                            /** @enum {string} */
                                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                            physicalType?: string;
                                            required?: boolean;
                                            unique?: boolean;
                                            primaryKey?: boolean;
                                            /** @enum {string} */
                                            classification?: "public" | "internal" | "confidential" | "restricted";
                                            description?: string;
                                            properties?: {
                                                name: string;
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            }[];
                                            items?: {
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            };
                                        }[];
                                        items?: {
                                            /** @enum {string} */
                                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                            physicalType?: string;
                                            required?: boolean;
                                            unique?: boolean;
                                            primaryKey?: boolean;
                                            /** @enum {string} */
                                            classification?: "public" | "internal" | "confidential" | "restricted";
                                            description?: string;
                                            properties?: {
                                                name: string;
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            }[];
                                            items?: {
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            };
                                        };
                                    }[];
                                    items?: {
                                        /** @enum {string} */
                                        logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                        physicalType?: string;
                                        required?: boolean;
                                        unique?: boolean;
                                        primaryKey?: boolean;
                                        /** @enum {string} */
                                        classification?: "public" | "internal" | "confidential" | "restricted";
                                        description?: string;
                                        properties?: {
                                            name: string;
                                            /** @enum {string} */
                                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                            physicalType?: string;
                                            required?: boolean;
                                            unique?: boolean;
                                            primaryKey?: boolean;
                                            /** @enum {string} */
                                            classification?: "public" | "internal" | "confidential" | "restricted";
                                            description?: string;
                                            properties?: {
                                                name: string;
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            }[];
                                            items?: {
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            };
                                        }[];
                                        items?: {
                                            /** @enum {string} */
                                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                            physicalType?: string;
                                            required?: boolean;
                                            unique?: boolean;
                                            primaryKey?: boolean;
                                            /** @enum {string} */
                                            classification?: "public" | "internal" | "confidential" | "restricted";
                                            description?: string;
                                            properties?: {
                                                name: string;
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            }[];
                                            items?: {
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            };
                                        };
                                    };
                                };
                            }[];
                            quality?: {
                                [key: string]: unknown;
                            }[];
                            extensions?: {
                                [key: string]: unknown;
                            };
                        }[];
                        /** @default [] */
                        bindings?: ({
                            orchestrator: string;
                            dag: string;
                            task?: string;
                        } | {
                            orchestrator: string;
                            asset: string[];
                        })[];
                        extensions?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        responses: {
            /** @description Registered (Location and ETag headers) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DataProduct"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DataProductsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DataProduct"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DataProductsController_apply: {
        parameters: {
            query?: never;
            header?: {
                /** @description `*` to only create */
                "If-None-Match"?: string;
                /** @description ETag the change is based on; 412 if the product moved on */
                "If-Match"?: string;
            };
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    apiVersion: "gatehouse/v1";
                    /** @constant */
                    kind: "DataProduct";
                    metadata: {
                        name: string;
                        title: string;
                        domain: string;
                        owner: string;
                        /** @default [] */
                        stewards?: string[];
                        /** @default [] */
                        tags?: string[];
                    };
                    spec: {
                        /** @default  */
                        description?: string;
                        tier: number;
                        /** @enum {string} */
                        classification: "public" | "internal" | "confidential" | "restricted";
                        containsPii: boolean;
                        sla?: {
                            freshness: string;
                            schedule?: string;
                        };
                        /** @default [] */
                        outputs?: {
                            namespace: string;
                            name: string;
                            schema?: {
                                name: string;
                                /** @enum {string} */
                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                physicalType?: string;
                                required?: boolean;
                                unique?: boolean;
                                primaryKey?: boolean;
                                /** @enum {string} */
                                classification?: "public" | "internal" | "confidential" | "restricted";
                                description?: string;
                                properties?: {
                                    name: string;
                                    /** @enum {string} */
                                    logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                    physicalType?: string;
                                    required?: boolean;
                                    unique?: boolean;
                                    primaryKey?: boolean;
                                    /** @enum {string} */
                                    classification?: "public" | "internal" | "confidential" | "restricted";
                                    description?: string;
                                    properties?: {
                                        name: string;
                                        /** @enum {string} */
                                        logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                        physicalType?: string;
                                        required?: boolean;
                                        unique?: boolean;
                                        primaryKey?: boolean;
                                        /** @enum {string} */
                                        classification?: "public" | "internal" | "confidential" | "restricted";
                                        description?: string;
                                        properties?: {
                                            name: string;
                                            /** @enum {string} */
                                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                            physicalType?: string;
                                            required?: boolean;
                                            unique?: boolean;
                                            primaryKey?: boolean;
                                            /** @enum {string} */
                                            classification?: "public" | "internal" | "confidential" | "restricted";
                                            description?: string;
                                            properties?: {
                                                name: string;
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            }[];
                                            items?: {
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            };
                                        }[];
                                        items?: {
                                            /** @enum {string} */
                                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                            physicalType?: string;
                                            required?: boolean;
                                            unique?: boolean;
                                            primaryKey?: boolean;
                                            /** @enum {string} */
                                            classification?: "public" | "internal" | "confidential" | "restricted";
                                            description?: string;
                                            properties?: {
                                                name: string;
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            }[];
                                            items?: {
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            };
                                        };
                                    }[];
                                    items?: {
                                        /** @enum {string} */
                                        logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                        physicalType?: string;
                                        required?: boolean;
                                        unique?: boolean;
                                        primaryKey?: boolean;
                                        /** @enum {string} */
                                        classification?: "public" | "internal" | "confidential" | "restricted";
                                        description?: string;
                                        properties?: {
                                            name: string;
                                            /** @enum {string} */
                                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                            physicalType?: string;
                                            required?: boolean;
                                            unique?: boolean;
                                            primaryKey?: boolean;
                                            /** @enum {string} */
                                            classification?: "public" | "internal" | "confidential" | "restricted";
                                            description?: string;
                                            properties?: {
                                                name: string;
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            }[];
                                            items?: {
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            };
                                        }[];
                                        items?: {
                                            /** @enum {string} */
                                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                            physicalType?: string;
                                            required?: boolean;
                                            unique?: boolean;
                                            primaryKey?: boolean;
                                            /** @enum {string} */
                                            classification?: "public" | "internal" | "confidential" | "restricted";
                                            description?: string;
                                            properties?: {
                                                name: string;
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            }[];
                                            items?: {
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            };
                                        };
                                    };
                                }[];
                                items?: {
                                    /** @enum {string} */
                                    logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                    physicalType?: string;
                                    required?: boolean;
                                    unique?: boolean;
                                    primaryKey?: boolean;
                                    /** @enum {string} */
                                    classification?: "public" | "internal" | "confidential" | "restricted";
                                    description?: string;
                                    properties?: {
                                        name: string;
                                        /** @enum {string} */
                                        logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                        physicalType?: string;
                                        required?: boolean;
                                        unique?: boolean;
                                        primaryKey?: boolean;
                                        /** @enum {string} */
                                        classification?: "public" | "internal" | "confidential" | "restricted";
                                        description?: string;
                                        properties?: {
                                            name: string;
                                            /** @enum {string} */
                                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                            physicalType?: string;
                                            required?: boolean;
                                            unique?: boolean;
                                            primaryKey?: boolean;
                                            /** @enum {string} */
                                            classification?: "public" | "internal" | "confidential" | "restricted";
                                            description?: string;
                                            properties?: {
                                                name: string;
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            }[];
                                            items?: {
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            };
                                        }[];
                                        items?: {
                                            /** @enum {string} */
                                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                            physicalType?: string;
                                            required?: boolean;
                                            unique?: boolean;
                                            primaryKey?: boolean;
                                            /** @enum {string} */
                                            classification?: "public" | "internal" | "confidential" | "restricted";
                                            description?: string;
                                            properties?: {
                                                name: string;
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            }[];
                                            items?: {
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            };
                                        };
                                    }[];
                                    items?: {
                                        /** @enum {string} */
                                        logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                        physicalType?: string;
                                        required?: boolean;
                                        unique?: boolean;
                                        primaryKey?: boolean;
                                        /** @enum {string} */
                                        classification?: "public" | "internal" | "confidential" | "restricted";
                                        description?: string;
                                        properties?: {
                                            name: string;
                                            /** @enum {string} */
                                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                            physicalType?: string;
                                            required?: boolean;
                                            unique?: boolean;
                                            primaryKey?: boolean;
                                            /** @enum {string} */
                                            classification?: "public" | "internal" | "confidential" | "restricted";
                                            description?: string;
                                            properties?: {
                                                name: string;
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            }[];
                                            items?: {
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            };
                                        }[];
                                        items?: {
                                            /** @enum {string} */
                                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                            physicalType?: string;
                                            required?: boolean;
                                            unique?: boolean;
                                            primaryKey?: boolean;
                                            /** @enum {string} */
                                            classification?: "public" | "internal" | "confidential" | "restricted";
                                            description?: string;
                                            properties?: {
                                                name: string;
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            }[];
                                            items?: {
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            };
                                        };
                                    };
                                };
                            }[];
                            quality?: {
                                [key: string]: unknown;
                            }[];
                            extensions?: {
                                [key: string]: unknown;
                            };
                        }[];
                        /** @default [] */
                        bindings?: ({
                            orchestrator: string;
                            dag: string;
                            task?: string;
                        } | {
                            orchestrator: string;
                            asset: string[];
                        })[];
                        extensions?: {
                            [key: string]: unknown;
                        };
                    };
                };
                "application/yaml": {
                    /** @constant */
                    apiVersion: "gatehouse/v1";
                    /** @constant */
                    kind: "DataProduct";
                    metadata: {
                        name: string;
                        title: string;
                        domain: string;
                        owner: string;
                        /** @default [] */
                        stewards?: string[];
                        /** @default [] */
                        tags?: string[];
                    };
                    spec: {
                        /** @default  */
                        description?: string;
                        tier: number;
                        /** @enum {string} */
                        classification: "public" | "internal" | "confidential" | "restricted";
                        containsPii: boolean;
                        sla?: {
                            freshness: string;
                            schedule?: string;
                        };
                        /** @default [] */
                        outputs?: {
                            namespace: string;
                            name: string;
                            schema?: {
                                name: string;
                                /** @enum {string} */
                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                physicalType?: string;
                                required?: boolean;
                                unique?: boolean;
                                primaryKey?: boolean;
                                /** @enum {string} */
                                classification?: "public" | "internal" | "confidential" | "restricted";
                                description?: string;
                                properties?: {
                                    name: string;
                                    /** @enum {string} */
                                    logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                    physicalType?: string;
                                    required?: boolean;
                                    unique?: boolean;
                                    primaryKey?: boolean;
                                    /** @enum {string} */
                                    classification?: "public" | "internal" | "confidential" | "restricted";
                                    description?: string;
                                    properties?: {
                                        name: string;
                                        /** @enum {string} */
                                        logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                        physicalType?: string;
                                        required?: boolean;
                                        unique?: boolean;
                                        primaryKey?: boolean;
                                        /** @enum {string} */
                                        classification?: "public" | "internal" | "confidential" | "restricted";
                                        description?: string;
                                        properties?: {
                                            name: string;
                                            /** @enum {string} */
                                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                            physicalType?: string;
                                            required?: boolean;
                                            unique?: boolean;
                                            primaryKey?: boolean;
                                            /** @enum {string} */
                                            classification?: "public" | "internal" | "confidential" | "restricted";
                                            description?: string;
                                            properties?: {
                                                name: string;
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            }[];
                                            items?: {
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            };
                                        }[];
                                        items?: {
                                            /** @enum {string} */
                                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                            physicalType?: string;
                                            required?: boolean;
                                            unique?: boolean;
                                            primaryKey?: boolean;
                                            /** @enum {string} */
                                            classification?: "public" | "internal" | "confidential" | "restricted";
                                            description?: string;
                                            properties?: {
                                                name: string;
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            }[];
                                            items?: {
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            };
                                        };
                                    }[];
                                    items?: {
                                        /** @enum {string} */
                                        logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                        physicalType?: string;
                                        required?: boolean;
                                        unique?: boolean;
                                        primaryKey?: boolean;
                                        /** @enum {string} */
                                        classification?: "public" | "internal" | "confidential" | "restricted";
                                        description?: string;
                                        properties?: {
                                            name: string;
                                            /** @enum {string} */
                                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                            physicalType?: string;
                                            required?: boolean;
                                            unique?: boolean;
                                            primaryKey?: boolean;
                                            /** @enum {string} */
                                            classification?: "public" | "internal" | "confidential" | "restricted";
                                            description?: string;
                                            properties?: {
                                                name: string;
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            }[];
                                            items?: {
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            };
                                        }[];
                                        items?: {
                                            /** @enum {string} */
                                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                            physicalType?: string;
                                            required?: boolean;
                                            unique?: boolean;
                                            primaryKey?: boolean;
                                            /** @enum {string} */
                                            classification?: "public" | "internal" | "confidential" | "restricted";
                                            description?: string;
                                            properties?: {
                                                name: string;
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            }[];
                                            items?: {
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            };
                                        };
                                    };
                                }[];
                                items?: {
                                    /** @enum {string} */
                                    logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                    physicalType?: string;
                                    required?: boolean;
                                    unique?: boolean;
                                    primaryKey?: boolean;
                                    /** @enum {string} */
                                    classification?: "public" | "internal" | "confidential" | "restricted";
                                    description?: string;
                                    properties?: {
                                        name: string;
                                        /** @enum {string} */
                                        logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                        physicalType?: string;
                                        required?: boolean;
                                        unique?: boolean;
                                        primaryKey?: boolean;
                                        /** @enum {string} */
                                        classification?: "public" | "internal" | "confidential" | "restricted";
                                        description?: string;
                                        properties?: {
                                            name: string;
                                            /** @enum {string} */
                                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                            physicalType?: string;
                                            required?: boolean;
                                            unique?: boolean;
                                            primaryKey?: boolean;
                                            /** @enum {string} */
                                            classification?: "public" | "internal" | "confidential" | "restricted";
                                            description?: string;
                                            properties?: {
                                                name: string;
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            }[];
                                            items?: {
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            };
                                        }[];
                                        items?: {
                                            /** @enum {string} */
                                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                            physicalType?: string;
                                            required?: boolean;
                                            unique?: boolean;
                                            primaryKey?: boolean;
                                            /** @enum {string} */
                                            classification?: "public" | "internal" | "confidential" | "restricted";
                                            description?: string;
                                            properties?: {
                                                name: string;
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            }[];
                                            items?: {
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            };
                                        };
                                    }[];
                                    items?: {
                                        /** @enum {string} */
                                        logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                        physicalType?: string;
                                        required?: boolean;
                                        unique?: boolean;
                                        primaryKey?: boolean;
                                        /** @enum {string} */
                                        classification?: "public" | "internal" | "confidential" | "restricted";
                                        description?: string;
                                        properties?: {
                                            name: string;
                                            /** @enum {string} */
                                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                            physicalType?: string;
                                            required?: boolean;
                                            unique?: boolean;
                                            primaryKey?: boolean;
                                            /** @enum {string} */
                                            classification?: "public" | "internal" | "confidential" | "restricted";
                                            description?: string;
                                            properties?: {
                                                name: string;
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            }[];
                                            items?: {
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            };
                                        }[];
                                        items?: {
                                            /** @enum {string} */
                                            logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                            physicalType?: string;
                                            required?: boolean;
                                            unique?: boolean;
                                            primaryKey?: boolean;
                                            /** @enum {string} */
                                            classification?: "public" | "internal" | "confidential" | "restricted";
                                            description?: string;
                                            properties?: {
                                                name: string;
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            }[];
                                            items?: {
                                                /** @enum {string} */
                                                logicalType?: "string" | "date" | "timestamp" | "time" | "number" | "integer" | "object" | "array" | "boolean";
                                                physicalType?: string;
                                                required?: boolean;
                                                unique?: boolean;
                                                primaryKey?: boolean;
                                                /** @enum {string} */
                                                classification?: "public" | "internal" | "confidential" | "restricted";
                                                description?: string;
                                                properties?: unknown;
                                                items?: unknown;
                                            };
                                        };
                                    };
                                };
                            }[];
                            quality?: {
                                [key: string]: unknown;
                            }[];
                            extensions?: {
                                [key: string]: unknown;
                            };
                        }[];
                        /** @default [] */
                        bindings?: ({
                            orchestrator: string;
                            dag: string;
                            task?: string;
                        } | {
                            orchestrator: string;
                            asset: string[];
                        })[];
                        extensions?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        responses: {
            /** @description Updated or unchanged (Gatehouse-Apply-Result header: `updated` or `unchanged`) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DataProduct"];
                };
            };
            /** @description Created (Gatehouse-Apply-Result header: `created`) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DataProduct"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DataProductsController_retire: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Retired (or already retired) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DataProduct"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DataProductsController_patch: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag the change is based on; 412 if the product moved on */
                "If-Match"?: string;
            };
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/merge-patch+json": Record<string, never>;
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Updated or unchanged (Gatehouse-Apply-Result header) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DataProduct"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DataProductsController_revisions: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevisionPage"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DataProductsController_revision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
                number: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Revision"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DataProductsController_diff: {
        parameters: {
            query?: {
                from?: number;
                to?: number;
            };
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevisionDiff"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DataProductsController_environments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnvironmentStateList"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    LineageController_lineage: {
        parameters: {
            query: {
                nodeId: string;
                depth?: number;
                direction?: "upstream" | "downstream" | "both";
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LineageGraph"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    LineageController_ingest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A RunEvent, DatasetEvent or JobEvent of the OpenLineage 2-0-x spec (https://openlineage.io/spec/2-0-2/OpenLineage.json), or a non-empty array of them */
        requestBody: {
            content: {
                "application/json": Record<string, never> | Record<string, never>[];
            };
        };
        responses: {
            /** @description Every event stored, or stored before (duplicates) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LineageIngestReport"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    LineageController_neighbours: {
        parameters: {
            query: {
                nodeId: string;
                direction: "upstream" | "downstream";
                q?: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LineageNeighbours"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    LineageController_path: {
        parameters: {
            query: {
                from: string;
                to: string;
                maxDepth?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LineagePath"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProductLineageController_graph: {
        parameters: {
            query?: {
                depth?: number;
                limit?: number;
            };
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductLineage"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProductLineageController_impact: {
        parameters: {
            query?: {
                depth?: number;
                limit?: number;
            };
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImpactReport"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    OrchestratorsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrchestratorList"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    OrchestratorsController_sync: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SyncReport"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    OrchestratorsController_pause: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
                dagId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The DAG as Airflow now has it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DiscoveredDag"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    OrchestratorsController_unpause: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
                dagId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The DAG as Airflow now has it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DiscoveredDag"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RunsController_trigger: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    environment: string;
                    conf?: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description Triggered and recorded (Location header) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Run"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RunsController_list: {
        parameters: {
            query?: {
                product?: string;
                environment?: string;
                orchestrator?: string;
                status?: "queued" | "running" | "succeeded" | "failed" | "cancelled";
                source?: "gatehouse" | "lineage";
                mine?: "true" | "false";
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunPage"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RunsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunDetail"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PrincipalsController_list: {
        parameters: {
            query?: {
                kind?: "person" | "service";
                team?: string;
                role?: string;
                disabled?: "true" | "false";
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StoredPrincipalPage"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PrincipalsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A lower-case slug (svc-airflow) or an e-mail address (ana@example.com), at most 200 characters */
                    id: string;
                    name: string;
                    /** @enum {string} */
                    kind: "person" | "service";
                    teams?: string[];
                    roles?: string[];
                    email?: string | null;
                };
            };
        };
        responses: {
            /** @description Created (Location header) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StoredPrincipal"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PrincipalsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StoredPrincipal"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PrincipalsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    teams?: string[];
                    roles?: string[];
                    email?: string | null;
                };
                "application/merge-patch+json": {
                    name?: string;
                    teams?: string[];
                    roles?: string[];
                    email?: string | null;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StoredPrincipal"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PrincipalsController_disable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StoredPrincipal"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PrincipalsController_enable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StoredPrincipal"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SlaController_list: {
        parameters: {
            query?: {
                product?: string;
                environment?: string;
                status?: "fresh" | "breached";
                mine?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SlaStateList"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SlaController_breaches: {
        parameters: {
            query?: {
                product?: string;
                environment?: string;
                open?: "true" | "false";
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SlaBreachPage"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SlaController_evaluate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SlaEvaluation"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SlaController_ofProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductSla"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SlaController_timeline: {
        parameters: {
            query?: {
                environment?: string;
                from?: string;
                to?: string;
            };
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SlaTimeline"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ContractsController_odcs: {
        parameters: {
            query?: {
                namespace?: string;
                revision?: number;
            };
            header?: never;
            path: {
                name: string;
                output: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The ODCS contract */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/yaml": components["schemas"]["OdcsContract"];
                    "application/json": components["schemas"]["OdcsContract"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ContractsController_odps: {
        parameters: {
            query?: {
                revision?: number;
            };
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The ODPS product */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/yaml": components["schemas"]["OdpsProduct"];
                    "application/json": components["schemas"]["OdpsProduct"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ContractsController_ofProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductContract"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ContractsController_list: {
        parameters: {
            query?: {
                product?: string;
                environment?: string;
                open?: "true" | "false";
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractDriftPage"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ContractsController_evaluate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DriftEvaluation"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PromotionsController_list: {
        parameters: {
            query?: {
                state?: "requested" | "blocked" | "awaiting_approval" | "approved" | "executing" | "succeeded" | "failed" | "rejected" | "expired" | "cancelled" | "rolled_back";
                product?: string;
                awaitingMe?: "true" | "false";
                mine?: "true" | "false";
                awaitingAcknowledgement?: "true" | "false";
                limit?: number;
                cursor?: string;
            };
            header?: {
                /** @description The ETag of the answer you have: 304 while it is unchanged */
                "If-None-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromotionPage"];
                };
            };
            /** @description Not modified: the ETag in If-None-Match is still current */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PromotionsController_request: {
        parameters: {
            query?: never;
            header?: {
                /** @description The same key (per principal) answers the promotion it created instead of a new one */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    product: string;
                    revision: number;
                    from: string;
                    to: string;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description The promotion an earlier request with the same Idempotency-Key created */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromotionReceipt"];
                };
            };
            /** @description Created, with the audit entry of the request */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromotionReceipt"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PromotionsController_dryRun: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    product: string;
                    revision: number;
                    from: string;
                    to: string;
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromotionPreview"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PromotionsController_get: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the answer you have: 304 while it is unchanged */
                "If-None-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromotionDetail"];
                };
            };
            /** @description Not modified: the ETag in If-None-Match is still current */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PromotionsController_approve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    decision: "approve" | "reject";
                    /** @default  */
                    comment?: string;
                };
            };
        };
        responses: {
            /** @description Recorded, with its audit entry */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromotionReceipt"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PromotionsController_acknowledge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    downstream: string;
                    /** @default  */
                    comment?: string;
                };
            };
        };
        responses: {
            /** @description Recorded, with its audit entry */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromotionReceipt"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PromotionsController_evaluate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromotionReceipt"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PromotionsController_override: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    check: "ownerDeclared" | "slaDeclared" | "classificationDeclared" | "stewardDeclared" | "sourceRevisionSucceeded" | "outputsFresh" | "checksPassing" | "noFreezeWindow" | "approvals" | "breakingChangesAcknowledged";
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromotionReceipt"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PromotionsController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromotionReceipt"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PromotionsController_rollback: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
                env: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    revision?: number;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromotionReceipt"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ConsoleSettingsController_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsoleSettings"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
