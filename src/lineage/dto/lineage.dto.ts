import { z } from 'zod';
import { pageQueryFields } from '../../common/pagination';
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

const nodeIdField = (description: string) =>
  z.string().max(2100).regex(NODE_ID, 'must be dataset:<namespace>:<name> or job:<namespace>:<name>').describe(description);

export const neighboursQuery = z.strictObject({
  nodeId: nodeIdField('The node whose direct neighbours are listed (a symlink identity answers its dataset’s)'),
  direction: z.enum(['upstream', 'downstream']),
  q: z.string().min(1).max(200).optional().describe('Only neighbours whose namespace or name contains this (case-insensitive)'),
  ...pageQueryFields,
});
export type NeighboursQuery = z.output<typeof neighboursQuery>;

export const pathQuery = z.strictObject({
  from: nodeIdField('Where the path starts'),
  to: nodeIdField('Where the path ends'),
  maxDepth: boundedInt(1, 50, 20).describe('The longest path looked for, in edges'),
});
export type PathQuery = z.output<typeof pathQuery>;
