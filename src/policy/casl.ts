import type { Ability } from '@casl/ability';
import { accessibleBy, createPrismaAbility, prismaQuery, type PrismaQueryOf, type WhereInputOf } from '@casl/prisma/runtime';
import type { Prisma } from '../generated/prisma/client';

// Prisma 7's generated client lives in src/generated, so CASL is pointed at its type map here.
export type PrismaQuery = PrismaQueryOf<Prisma.TypeMap, any>;
export type WhereInput<M extends Prisma.ModelName> = WhereInputOf<Prisma.TypeMap, M>;
export type AppAbility = Ability<[string, any], PrismaQuery>;

export { accessibleBy, createPrismaAbility, prismaQuery };
