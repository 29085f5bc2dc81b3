import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { DomainError } from '../errors/domain-error';
import { toFieldErrors } from './zod-issues';

/** Validates a body, query or path value against a zod schema; errors name each field. */
@Injectable()
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown, metadata: ArgumentMetadata): z.output<S> {
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    // Path parameters are named by themselves (`name`), query fields as `query.tier`.
    const prefix = metadata.type === 'param' ? (metadata.data ?? 'param') : metadata.type === 'query' ? 'query' : '';
    throw DomainError.validation(toFieldErrors(result.error, prefix));
  }
}
