import { z } from 'zod';
import { ACTIONS, SUBJECTS } from '../policy-vocabulary';

const inlinePrincipal = z.strictObject({
  id: z.string().min(1).max(200),
  name: z.string().max(200).optional(),
  kind: z.enum(['person', 'service', 'bootstrap']).default('person'),
  teams: z.array(z.string().min(1)).default([]),
  roles: z.array(z.string().min(1)).default([]),
});

/** "May principal P do action A on this resource (or field)?" */
export const evaluateRequest = z.strictObject({
  principal: z.union([z.string().min(1).max(200), inlinePrincipal]),
  action: z.enum(ACTIONS, { message: `must be one of ${ACTIONS.join(', ')}` }),
  subject: z.union([
    z.enum(SUBJECTS, { message: `must be one of ${SUBJECTS.join(', ')}` }),
    z.object({ type: z.enum(SUBJECTS, { message: `must be one of ${SUBJECTS.join(', ')}` }), id: z.string().optional() }).catchall(z.unknown()),
  ]),
  field: z.string().min(1).max(100).optional(),
});
export type EvaluateRequest = z.output<typeof evaluateRequest>;
