import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { DomainError } from '../errors/domain-error';
import { unstorableJsonErrors } from './storable-json';
import { toFieldErrors } from './zod-issues';

/** Validates a body, query or path value against a zod schema; errors name each field. */
@Injectable()
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown, metadata: ArgumentMetadata): z.output<S> {
    const result = this.schema.safeParse(value);
    // Path parameters are named by themselves (`name`), query fields as `query.tier`.
    const prefix = metadata.type === 'param' ? (metadata.data ?? 'param') : metadata.type === 'query' ? 'query' : '';
    if (!result.success) throw DomainError.validation(toFieldErrors(result.error, prefix));
    const unstorable = unstorableJsonErrors(result.data, prefix);
    if (unstorable.length) throw DomainError.validation(unstorable);
    return result.data;
  }
}
