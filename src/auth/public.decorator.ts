import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'gatehouse:public';

/** Marks a route that needs no bearer token (health, metrics). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
