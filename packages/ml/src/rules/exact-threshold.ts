/**
 * A threshold held as an exact fraction, so "count(Z) / count(X) ≥ t" is decided on integers and cannot
 * drift with float rounding: 0.2 is 1/5, and a rule holding in 200 of 1,000 baskets passes at exactly 0.2.
 * A number is read as the decimal it prints as (JavaScript's shortest round-trip form), which is the value
 * a user typed; pass `{ numerator, denominator }` for fractions with no finite decimal, such as 1/3.
 */
export type Threshold = number | { numerator: number; denominator: number }

export interface ExactFraction {
  num: bigint
  den: bigint
  /** num and den as numbers when both are small enough for exact products with counts below 2^31. */
  small?: { num: number; den: number }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b]
  return a
}

const SMALL = 2n ** 21n

function reduce(num0: bigint, den0: bigint): ExactFraction {
  const g = gcd(num0, den0)
  const num = g > 1n ? num0 / g : num0
  const den = g > 1n ? den0 / g : den0
  return num < SMALL && den < SMALL ? { num, den, small: { num: Number(num), den: Number(den) } } : { num, den }
}

const COUNT_LIMIT = 2 ** 31

/** The exact fraction of a threshold; throws on negative, non-finite or non-integer parts. */
export function exactFraction(t: Threshold, name = 'threshold'): ExactFraction {
  if (typeof t !== 'number') {
    const { numerator, denominator } = t
    if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || numerator < 0 || denominator <= 0) {
      throw new RangeError(`${name}: numerator and denominator must be safe integers ≥ 0 and > 0, got ${numerator}/${denominator}`)
    }
    return reduce(BigInt(numerator), BigInt(denominator))
  }
  if (!Number.isFinite(t) || t < 0) throw new RangeError(`${name} must be a finite number ≥ 0, got ${t}`)
  // Shortest decimal that round-trips to t, e.g. "0.2", "1e-7", "1.5e-10".
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(t))
  if (m === null) throw new RangeError(`${name}: cannot read ${t} as a decimal`)
  const digits = (m[1] ?? '') + (m[2] ?? '')
  const exponent = Number(m[3] ?? '0') - (m[2] ?? '').length
  let num = BigInt(digits)
  let den = 1n
  if (exponent >= 0) num *= 10n ** BigInt(exponent)
  else den = 10n ** BigInt(-exponent)
  return reduce(num, den)
}

/** count / base ≥ t, decided exactly (base > 0). */
export function ratioAtLeast(count: number, base: number, t: ExactFraction): boolean {
  // Products of numbers below 2^21 and 2^31 stay below 2^52, so float arithmetic is exact there.
  if (t.small !== undefined && count < COUNT_LIMIT && base < COUNT_LIMIT) return count * t.small.den >= t.small.num * base
  return BigInt(count) * t.den >= t.num * BigInt(base)
}

/** Smallest integer c ≥ 1 with c / n ≥ t: ⌈num · n / den⌉, computed on integers. */
export function minimumCountExact(t: ExactFraction, n: number): number {
  const c = (t.num * BigInt(n) + t.den - 1n) / t.den
  return Math.max(1, Number(c))
}
