/**
 * A one-time message for the product page after the edit page saved (or found nothing to save):
 * kept in memory for the next visit of that product's page only, never in the URL (a reload
 * does not show it again).
 */
export interface SavedFlash {
  outcome: 'updated' | 'unchanged';
  revision: number;
}

const flashes = new Map<string, SavedFlash>();

export function setSavedFlash(product: string, flash: SavedFlash): void {
  flashes.set(product, flash);
}

/** The message waiting for this product, without removing it (see clearSavedFlash). */
export function peekSavedFlash(product: string): SavedFlash | undefined {
  return flashes.get(product);
}

export function clearSavedFlash(product: string): void {
  flashes.delete(product);
}
