/** The value, or an error naming what was missing: for lookups the code knows must succeed. */
export function must<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`bench: ${what} is missing`)
  return value
}
