import { z } from 'zod';

/** Every list is paged; no caller can ask for more than `MAX_PAGE` rows at once. */
export const MAX_PAGE = 100;

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/** Ids as the engine makes them; a task id contains `/` (instance/element/activation), sent percent-encoded in a path. */
export const Id = z.string().min(1).max(300).regex(/^[\w.:@/-]+$/, 'Only letters, digits and . : @ / - _');
export const IdParams = z.object({ id: Id });

export function pageOf<T>(items: readonly T[], total: number, page: { limit: number; offset: number }) {
  return { items, total, limit: page.limit, offset: page.offset };
}

export const pageSchema = <T extends z.ZodType>(item: T) => z.object({
  items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int(),
});
