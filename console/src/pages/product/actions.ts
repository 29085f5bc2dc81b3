import { refusal, usePolicyDecision, type DataProduct } from './queries';

export interface ActionState {
  /** Why not (the server's words); null when allowed or not yet known. */
  reason: string | null;
  pending: boolean;
}

/**
 * Whether the signed-in principal may edit the product and request its promotion, as the server
 * decides: `update` on the product and `request` on promotions (what `PATCH` and
 * `POST /promotions` enforce), through `POST /api/v1/policy/evaluate`; and a retired product
 * (the server's status) changes and moves no more.
 */
export function useProductActions(name: string, product: DataProduct | undefined): { edit: ActionState; promote: ActionState } {
  const update = usePolicyDecision('update', { type: 'DataProduct', id: name });
  const request = usePolicyDecision('request', 'Promotion');
  const retired = product?.status === 'retired' ? `${name} is retired: its history stays readable, but it cannot change or be promoted.` : null;
  return {
    edit: { reason: retired ?? refusal(update), pending: update.isPending && !update.isError },
    promote: { reason: retired ?? refusal(request), pending: request.isPending && !request.isError },
  };
}
