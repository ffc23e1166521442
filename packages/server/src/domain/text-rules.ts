import { z } from 'zod'

/**
 * What the database cannot store in a text value, and the reason a user is told. PostgreSQL text cannot
 * hold U+0000, and a lone UTF-16 surrogate has no UTF-8 encoding (the pg driver would silently turn it
 * into U+FFFD, PostgreSQL's JSON parser refuses its escape). One charCode loop finds both: this runs on
 * every text cell of an import, where a regex per cell costs more.
 */
export function textProblem(s: string): string | undefined {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c === 0) return 'contains a NUL character'
    if (c >= 0xd800 && c <= 0xdfff) {
      // A high surrogate followed by a low one is a valid pair; anything else is a lone surrogate.
      const next = s.charCodeAt(i + 1)
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++
      else return 'contains an invalid Unicode character (a lone surrogate)'
    }
  }
  return undefined
}

/**
 * The text rule as a zod check: `z.string().check(textRule)` (or `.superRefine(textRule)`). The issue has
 * the field's own path, so the API answers `body.city: contains a NUL character` and the import
 * `file:line: city: contains a NUL character`. Usable on query and path parameters too.
 */
export function textRule(value: string, ctx: z.RefinementCtx): void {
  const reason = textProblem(value)
  if (reason !== undefined) ctx.addIssue({ code: 'custom', message: reason, input: value })
}

/**
 * A string the database can store (no NUL, no lone surrogate); chain `.trim()`, `.max()` and so on as
 * usual. A refine whose message is worked out only on failure: cheaper per value than superRefine, which
 * shows when every text cell of a million-row import passes through it.
 */
export const safeText = (): z.ZodString => z.string().refine(noTextProblem, { error: textIssue })

/** The text rule as a refine predicate and its message, for schemas built in other shapes. */
export const noTextProblem = (s: string): boolean => textProblem(s) === undefined
export const textIssue = (iss: { input?: unknown }): string | undefined => textProblem(String(iss.input))
