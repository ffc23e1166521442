import type { z } from 'zod'
import { invalid } from '../errors/rapport-error.ts'

/** Parses a request body (or another input) with its schema; every issue becomes one detail naming its JSON path. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, root = 'body'): z.output<S> {
  const r = schema.safeParse(input)
  if (r.success) return r.data
  throw invalid(r.error.issues.map((i) => ({ path: [root, ...i.path.map(String)].join('.'), message: i.message })))
}
