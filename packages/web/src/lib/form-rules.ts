import { z } from 'zod'
import { en, zhCN } from 'zod/locales'
import bodies from './api/request-bodies.gen.json'
import { i18n } from '../i18n/index.ts'

/**
 * Client-side validation with the server's own rules: the JSON Schema of each request body, generated
 * from the OpenAPI document (scripts/gen-api-client.ts), turned into zod. A form refuses what the API
 * would (lengths, formats, enums, required fields) before sending; the server still has the last word,
 * and its field errors are shown the same way.
 */
export type BodyKey = keyof typeof bodies

const compiled = new Map<BodyKey, z.ZodType>()

export function bodySchema(key: BodyKey): z.ZodType {
  let s = compiled.get(key)
  if (!s) {
    s = z.fromJSONSchema(bodies[key] as Parameters<typeof z.fromJSONSchema>[0])
    compiled.set(key, s)
  }
  return s
}

/** zod's messages in the UI language (this module loads with the first form, so it follows from then on). */
function setRulesLanguage(lang: string): void {
  z.config(lang.startsWith('zh') ? zhCN() : en())
}
setRulesLanguage(i18n.language)
i18n.on('languageChanged', setRulesLanguage)

/** Field → first message, for a body that breaks the rules; empty when it is valid. */
export function checkBody(key: BodyKey, body: unknown): Record<string, string> {
  const r = bodySchema(key).safeParse(body)
  if (r.success) return {}
  const out: Record<string, string> = {}
  for (const issue of r.error.issues) {
    const field = issue.path.map(String).join('.') || '_'
    out[field] ??= issue.message
  }
  return out
}
