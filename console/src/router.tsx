import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
  type RouterHistory,
} from '@tanstack/react-router';
import { meQuery } from './api/queries';
import { getToken } from './auth/session';
import { AppLayout } from './components/Layout';
import { Loading } from './components/Loading';
import { NotFound } from './components/NotFound';
import { RouteError } from './components/RouteError';
import { parseFlatSearch, stringifyFlatSearch } from './lib/search';
import {
  validateAuditSearch,
  validateCatalogSearch,
  validateLineageSearch,
  validateProductPromoteSearch,
  validateProductSearch,
  validatePromotionsSearch,
  validatePoliciesSearch,
  validateRunsSearch,
  validateSlaProductSearch,
  validateSlaSearch,
  validateSignInSearch,
} from './searchParams';

/*
 * The console's route tree, written in code (no file-based generation). Every page is its own
 * file under src/pages/ with a default export, loaded lazily (its own chunk), so the initial
 * bundle stays small.
 *
 * Route ids (for `getRouteApi(id)` in a page, which gives typed params and search without
 * importing this file): routes inside the signed-in shell are children of the pathless layout
 * `_app`, so their ids start with `/_app`: '/_app/catalog', '/_app/products/$name', … The sign-in
 * pages are '/sign-in' and '/auth/callback'.
 *
 * Adding a page (e.g. the console's second half: lineage explorer, runs, SLA, orchestrators,
 * policies):
 *   1. write src/pages/RunsPage.tsx: `export default function RunsPage() { … <Page title="Runs"> … }`;
 *   2. if it has search params, add a `RunsSearch` type and a `validateRunsSearch` to
 *      searchParams.ts (hand-written, using lib/search.ts; drop invalid values, never throw);
 *   3. declare the route below, with `getParentRoute: () => appRoute` (signed-in, inside the
 *      shell) and `component: lazyRouteComponent(() => import('./pages/RunsPage'))`, and add it to
 *      `appRoute.addChildren([...])`;
 *   4. add it to the main navigation in components/Layout.tsx if it is a top-level section
 *      (for "Lineage", "Runs", "SLA", "Orchestrators", "Policies": one NAV entry each, with
 *      `section` matching its detail pages too).
 *   Keep one file per page; shared pieces go to src/components/, queries to the page or api/.
 */

export interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: () => <NotFound />,
});

// Public: the sign-in pages.
const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'sign-in',
  validateSearch: validateSignInSearch,
  component: lazyRouteComponent(() => import('./pages/SignInPage')),
});

const authCallbackRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'auth/callback',
  component: lazyRouteComponent(() => import('./pages/AuthCallbackPage')),
});

// Everything else needs a session: the guard sends the user to sign in, then back here.
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: '_app',
  beforeLoad: ({ location, context }) => {
    if (!getToken()) throw redirect({ to: '/sign-in', search: { next: location.href } });
    // who the user is, for the header; not awaited (pages do not wait for it)
    void context.queryClient.prefetchQuery(meQuery);
  },
  component: AppLayout,
  notFoundComponent: () => <NotFound />,
});

const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  component: lazyRouteComponent(() => import('./pages/HomePage')),
});

const catalogRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'catalog',
  validateSearch: validateCatalogSearch,
  component: lazyRouteComponent(() => import('./pages/CatalogPage')),
});

const productRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'products/$name',
  validateSearch: validateProductSearch,
  component: lazyRouteComponent(() => import('./pages/ProductPage')),
});

const productEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'products/$name/edit',
  component: lazyRouteComponent(() => import('./pages/ProductEditPage')),
});

const productPromoteRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'products/$name/promote',
  validateSearch: validateProductPromoteSearch,
  component: lazyRouteComponent(() => import('./pages/ProductPromotePage')),
});

const promotionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'promotions',
  validateSearch: validatePromotionsSearch,
  component: lazyRouteComponent(() => import('./pages/PromotionsPage')),
});

const promotionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'promotions/$id',
  component: lazyRouteComponent(() => import('./pages/PromotionPage')),
});

const approvalsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'approvals',
  component: lazyRouteComponent(() => import('./pages/ApprovalsPage')),
});

const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'audit',
  validateSearch: validateAuditSearch,
  component: lazyRouteComponent(() => import('./pages/AuditPage')),
});

const lineageRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'lineage',
  validateSearch: validateLineageSearch,
  // React Flow and the layout worker (ELK) load with this page only
  component: lazyRouteComponent(() => import('./pages/LineagePage')),
});

const runsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'runs',
  validateSearch: validateRunsSearch,
  component: lazyRouteComponent(() => import('./pages/RunsPage')),
});

const runRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'runs/$id',
  component: lazyRouteComponent(() => import('./pages/RunPage')),
});

const slaRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'sla',
  validateSearch: validateSlaSearch,
  component: lazyRouteComponent(() => import('./pages/SlaPage')),
});

const slaProductRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'sla/$name',
  validateSearch: validateSlaProductSearch,
  component: lazyRouteComponent(() => import('./pages/SlaProductPage')),
});

const orchestratorsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'orchestrators',
  component: lazyRouteComponent(() => import('./pages/OrchestratorsPage')),
});

const policiesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'policies',
  validateSearch: validatePoliciesSearch,
  component: lazyRouteComponent(() => import('./pages/PoliciesPage')),
});

// Any other path inside the shell (signed in): the not-found page.
const notFoundRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '$',
  component: lazyRouteComponent(() => import('./pages/NotFoundPage')),
});

export const routeTree = rootRoute.addChildren([
  signInRoute,
  authCallbackRoute,
  appRoute.addChildren([
    homeRoute,
    catalogRoute,
    productRoute,
    productEditRoute,
    productPromoteRoute,
    promotionsRoute,
    promotionRoute,
    approvalsRoute,
    auditRoute,
    lineageRoute,
    runsRoute,
    runRoute,
    slaRoute,
    slaProductRoute,
    orchestratorsRoute,
    policiesRoute,
    notFoundRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient, history?: RouterHistory) {
  return createRouter({
    routeTree,
    context: { queryClient },
    ...(history ? { history } : {}),
    // flat `?key=value` search params, as the API takes them (see lib/search.ts)
    parseSearch: parseFlatSearch,
    stringifySearch: stringifyFlatSearch,
    // hovering or focusing a link loads the page's chunk ahead
    defaultPreload: 'intent',
    // data caching is TanStack Query's job; the router always calls loaders
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: () => <Loading />,
    defaultPendingMs: 300,
    defaultErrorComponent: RouteError,
    defaultNotFoundComponent: () => <NotFound />,
    scrollRestoration: true,
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

declare module '@tanstack/react-router' {
  interface Register {
    router: AppRouter;
  }
}
