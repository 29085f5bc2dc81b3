import { namedSchema } from '../../common/validation/openapi';

export const CONSOLE_SETTINGS = namedSchema('ConsoleSettings', {
  type: 'object',
  description: 'What the console needs to know of the server’s configuration',
  properties: {
    lineageMaxNodes: { type: 'integer', minimum: 50, maximum: 20_000, description: 'The most nodes the lineage explorer draws at once (GATEHOUSE_LINEAGE_VIEW_MAX_NODES); beyond it, it asks to narrow the view' },
  },
  required: ['lineageMaxNodes'],
});
