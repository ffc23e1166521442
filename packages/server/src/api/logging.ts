import type { FastifyServerOptions } from 'fastify'
import pino, { type DestinationStream, type LoggerOptions } from 'pino'

/**
 * Request logging without personal data. Fastify logs the request line and the status; Rapport never logs
 * bodies, and the serialisers below mask anything in a URL (query values, path segments) that looks like an
 * email address or phone number or sits under a personal key (email, phone, q). Pino's redaction covers the
 * same keys should anything log an object that holds them.
 */
export interface ApiLoggerOptions {
  level?: string
  /** Where log lines go (default stdout); tests pass a stream to read them back. */
  stream?: DestinationStream
}

const PERSONAL_KEYS = new Set(['email', 'phone', 'q', 'name'])
const EMAIL = /[^\s/?&=@()<>"',;]+@[^\s/?&=@()<>"',;]+/g
// Digits separated by spaces (also ideographic and no-break ones), dots, hyphens, slashes or brackets:
// `+86 138 0013 8000`, `138.0013.8007`, `138　0013　8000`, `(020) 7946-0958`.
const PHONE = /(?:\+|＋)?[\d０-９][\d０-９ \u00a0\u3000().\-/]{6,}[\d０-９]/g
const MASK = '[redacted]'

/** Masks email- and phone-like substrings anywhere in a string. */
export function scrub(text: string): string {
  // ISO dates and times and decimal numbers have the shape of a phone number; they are not personal, so
  // they stay readable. A run counts as a phone number only when it holds 7 digits or more.
  return text.replace(EMAIL, MASK).replace(PHONE, (m) => (/^\d{4}-\d{2}-\d{2}/.test(m) || /^\d+\.\d+$/.test(m) || countDigits(m) < 7 ? m : MASK))
}

/** The URL with personal query values and email/phone-like path segments masked. */
export function safeUrl(url: string): string {
  const q = url.indexOf('?')
  const path = scrub(safeDecode(q < 0 ? url : url.slice(0, q)))
  if (q < 0) return path
  const params = new URLSearchParams(url.slice(q + 1))
  const parts: string[] = []
  // Keys too: a client may put an address where a parameter name goes (`?ann@example.com=1`).
  for (const [k, v] of params) parts.push(`${scrub(k)}=${PERSONAL_KEYS.has(k) ? MASK : scrub(v)}`)
  return `${path}?${parts.join('&')}`
}

function countDigits(s: string): number {
  let n = 0
  for (const c of s) if ((c >= '0' && c <= '9') || (c >= '０' && c <= '９')) n++
  return n
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/** Logging is on unless `false`: info level, to stderr (stdout belongs to command output, per the CLI contract). */
export function loggerConfig(opts: ApiLoggerOptions | boolean | undefined): FastifyServerOptions['logger'] {
  if (opts === false) return false
  const o = opts === true || opts === undefined ? {} : opts
  const config: LoggerOptions & { stream?: DestinationStream } = {
    level: o.level ?? 'info',
    redact: {
      paths: ['email', 'phone', '*.email', '*.phone', 'req.headers.authorization', 'req.headers.cookie', 'body', '*.body'],
      censor: MASK,
    },
    serializers: {
      req: (req: { method?: string; url?: string; id?: unknown }) => ({ id: req.id, method: req.method, url: safeUrl(req.url ?? '') }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      err: (err: { name?: string; code?: unknown; message?: string; stack?: string }) => ({
        type: err.name,
        code: err.code,
        message: scrub(err.message ?? ''),
        stack: err.stack ? scrub(err.stack) : undefined,
      }),
    },
  }
  config.stream = o.stream ?? pino.destination(2)
  return config as FastifyServerOptions['logger']
}
