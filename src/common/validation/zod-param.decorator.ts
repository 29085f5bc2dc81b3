import { Param } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import type { z } from 'zod';
import { jsonSchemaOf } from './openapi';
import { ZodPipe } from './zod.pipe';

/**
 * A path parameter validated by a zod schema (errors name the parameter) and documented in the
 * OpenAPI document with the same schema, so that what a client learns there is what is enforced.
 */
export function ZodParam(name: string, schema: z.ZodType): ParameterDecorator {
  const validate = Param(name, new ZodPipe(schema));
  const document = ApiParam({ name, required: true, schema: jsonSchemaOf(schema) as never });
  return (target, key, index) => {
    validate(target, key, index);
    // Documentation is method metadata; a parameter decorator sees the method's descriptor too.
    if (key !== undefined) document(target, key, Object.getOwnPropertyDescriptor(target, key)!);
  };
}
