import type { z } from 'zod'
import { invalid } from '../../errors/rapport-error.ts'

/** Training options of a kind checked against its schema; issues name the option (`options.horizon_days`). */
export function parseKindOptions<S extends z.ZodType>(schema: S, raw: Record<string, unknown>): z.infer<S> {
  const parsed = schema.safeParse(raw)
  if (parsed.success) return parsed.data
  throw invalid(
    parsed.error.issues.map((i) => ({ path: ['options', ...i.path.map(String)].join('.'), message: i.message })),
    `invalid training options: ${parsed.error.issues.map((i) => `${[...i.path].join('.') || '(options)'}: ${i.message}`).join('; ')}`,
  )
}
