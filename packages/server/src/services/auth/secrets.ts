import { hash, verify } from '@node-rs/argon2'
import { createHash, randomBytes } from 'node:crypto'

/** argon2id with the library's defaults (19 MiB, 2 passes: OWASP's minimum for argon2id). */
export const hashPassword = (password: string): Promise<string> => hash(password)

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}

/** A hash of a password nobody knows, verified against when the e-mail is unknown so timing tells nothing. */
let decoy: Promise<string> | undefined
export const decoyHash = (): Promise<string> => (decoy ??= hash(randomBytes(16).toString('hex')))

/** URL-safe random secret of `bytes` bytes. */
export const randomToken = (bytes = 24): string => randomBytes(bytes).toString('base64url')

/** A password people can type: 4 groups of 4 letters and digits without look-alikes (about 80 bits). */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY34679'
  const bytes = randomBytes(16)
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length])
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-')
}

/** SHA-256 in hex: how session tokens and API keys are stored (they are long random strings, not passwords). */
export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex')
