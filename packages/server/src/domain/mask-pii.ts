/**
 * How contact details look to a role without pii:read: `ann.lee@example.com` → `a***@e***.com`,
 * `+86 138 0013 8000` → `+86*******8000`. Enough to tell records apart, not to contact anyone.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@')
  if (at <= 0) return '***'
  const domain = email.slice(at + 1)
  const dot = domain.lastIndexOf('.')
  const tld = dot > 0 ? domain.slice(dot) : ''
  return `${email[0]}***@${domain[0] ?? ''}***${tld}`
}

export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '')
  if (digits.length <= 4) return '***'
  const lead = phone.trim().startsWith('+') ? `+${digits.slice(0, 2)}` : ''
  return `${lead}*******${digits.slice(-4)}`
}

const MASKERS: Record<string, (s: string) => string> = { email: maskEmail, phone: maskPhone }

/** Masks every `email` and `phone` field, at any depth, in a JSON-like value (in place; returns it). */
export function maskPii<T>(value: T): T {
  const stack: unknown[] = [value]
  while (stack.length > 0) {
    const v = stack.pop()
    if (Array.isArray(v)) {
      for (const x of v) if (x && typeof x === 'object') stack.push(x)
    } else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>
      for (const k of Object.keys(o)) {
        const x = o[k]
        const mask = MASKERS[k]
        if (mask && typeof x === 'string') o[k] = mask(x)
        else if (x && typeof x === 'object') stack.push(x)
      }
    }
  }
  return value
}
