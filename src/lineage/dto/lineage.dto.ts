import { z } from 'zod';
import { NODE_ID } from '../node-id';

const boundedInt = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

export const lineageQuery = z.strictObject({
  nodeId: z
    .string()
    .max(2100)
    .regex(NODE_ID, 'must be dataset:<namespace>:<name> or job:<namespace>:<name>')
    .describe('dataset:<namespace>:<name> or job:<namespace>:<name>; a dataset identity that is a symlink of another answers that dataset’s node'),
  /** Marquez's default is 20 hops. */
  depth: boundedInt(0, 50, 20),
  direction: z.enum(['upstream', 'downstream', 'both']).default('both'),
  limit: boundedInt(1, 10_000, 1000),
});
export type LineageQuery = z.output<typeof lineageQuery>;

export const productLineageQuery = z.strictObject({
  depth: boundedInt(1, 50, 20),
  limit: boundedInt(1, 10_000, 2000),
});
export type ProductLineageQuery = z.output<typeof productLineageQuery>;
