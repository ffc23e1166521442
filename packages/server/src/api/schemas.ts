import { z } from 'zod'
import { ERROR_CODES } from '../errors/codes.ts'

/** Request and response pieces every route group shares; they also make up the OpenAPI document. */

export const fieldIssue = z.object({ path: z.string(), message: z.string() })

export const errorBody = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      details: z.array(fieldIssue).optional(),
    }),
  })
  .describe('Every error: a code from a fixed list, a human message and, for bad input, the failing field paths.')

/** Error responses for the OpenAPI document (the body is the same for all). */
export const errors = <S extends number>(...statuses: S[]) =>
  Object.fromEntries(statuses.map((s) => [s, errorBody])) as Record<S, typeof errorBody>

export const workspaceHeader = z.object({
  'x-rapport-workspace': z.string().min(1).max(100).optional().describe('Workspace slug (default: "default")'),
})

/** Text from a query string or path: no NUL (PostgreSQL cannot store it), bounded length. */
export const safeText = (max: number) => z.string().max(max).refine((s) => !s.includes('\u0000'), 'contains a NUL character')

/** A positive integer written as plain decimal digits: `0x1`, `1e0`, `+1` and ` 1` are refused. */
export const decimalId = z
  .string()
  .regex(/^[1-9][0-9]{0,15}$/, 'must be a positive whole number in decimal digits')
  .transform(Number)
  .refine(Number.isSafeInteger, 'is too large')

/** Page size: 1-500 in decimal digits, default 50. */
export const limitParam = z
  .string()
  .regex(/^[1-9][0-9]{0,2}$/, 'must be a whole number from 1 to 500 in decimal digits')
  .transform(Number)
  .refine((n) => n <= 500, 'must be at most 500')
  .default(50)
  .describe('Page size (1-500)')

/** An integer query parameter in [min, max], plain decimal digits (optionally negative). */
export const decimalInt = (min: number, max: number) =>
  z
    .string()
    .regex(/^-?(0|[1-9][0-9]{0,15})$/, 'must be a whole number in decimal digits')
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be from ${min} to ${max}`)

/** A non-negative number in plain decimal notation (`12`, `12.5`), no exponent, hex or sign. */
export const decimalNumber = z
  .string()
  .regex(/^(0|[1-9][0-9]{0,15})(\.[0-9]{1,6})?$/, 'must be a number in plain decimal notation, like 12 or 12.5')
  .transform(Number)

export const idParams = z.strictObject({ id: decimalId.describe('Internal id') })

/** limit/cursor/sort for a list whose sortable fields are `sorts` (prefix `-` for descending). */
export function listParams(sorts: readonly string[], defaultSort: string) {
  const values = sorts.flatMap((s) => [s, `-${s}`]) as [string, ...string[]]
  return z.strictObject({
    limit: limitParam,
    cursor: safeText(2000).optional().describe('next_cursor of the previous page'),
    sort: z.enum(values).default(defaultSort).describe('Sort field; prefix "-" for descending. Ties break on id.'),
  })
}

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), next_cursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last') })

/** Query-string timestamps: ISO 8601 date or date-time. */
export const timeParam = z.iso.datetime({ offset: true, local: true }).or(z.iso.date())

export const boolParam = z.enum(['true', 'false']).transform((v) => v === 'true')

/** Cast for rows the database returns in the shape the response schema documents (the serializer checks). */
export const rowsAs = <S extends z.ZodType>(_schema: S, value: unknown): z.output<S> => value as z.output<S>
