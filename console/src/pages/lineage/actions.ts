import { createContext, useContext } from 'react';
import type { Direction } from './model';

/** What the drawn nodes can ask the page to do (the page turns each into a URL change). */
export interface LineageActions {
  select(id: string): void;
  expand(id: string, direction: Direction): void;
  selectColumn(node: string, field: string): void;
  layout: 'lr' | 'tb';
}

export const LineageActionsContext = createContext<LineageActions | null>(null);

export function useLineageActions(): LineageActions {
  const actions = useContext(LineageActionsContext);
  if (!actions) throw new Error('useLineageActions outside a LineageActionsContext');
  return actions;
}
