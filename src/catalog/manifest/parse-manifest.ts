import { DomainError } from '../../common/errors/domain-error';
import { unstorableJsonErrors } from '../../common/validation/storable-json';
import { toFieldErrors } from '../../common/validation/zod-issues';
import { Manifest, manifestSchema } from './manifest.schema';

/** Validates a manifest body; every problem is reported with its field path. */
export function parseManifest(input: unknown): Manifest {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw DomainError.validation([{ field: '(root)', message: 'must be a DataProduct manifest object' }]);
  }
  const result = manifestSchema.safeParse(input);
  if (!result.success) throw DomainError.validation(toFieldErrors(result.error), 'The data product manifest is invalid.');
  const unstorable = unstorableJsonErrors(result.data);
  if (unstorable.length) throw DomainError.validation(unstorable, 'The data product manifest is invalid.');
  return result.data;
}

/** PUT /{name}: the URL names the product; a manifest may omit metadata.name but not contradict it. */
export function withNameFromPath(input: unknown, name: string): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const body = input as Record<string, unknown>;
  const metadata = body.metadata;
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) return input;
  const given = (metadata as Record<string, unknown>).name;
  if (given === undefined) return { ...body, metadata: { ...metadata, name } };
  if (given !== name) {
    throw DomainError.validation([{ field: 'metadata.name', message: `must match the name in the URL (${name})` }]);
  }
  return input;
}
