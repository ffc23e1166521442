/**
 * Errors the CLI turns into exit codes: 1 for bad input (a file, line, column and reason), 2 for usage errors.
 * Anything else thrown is a bug and exits 1 with its message, never a stack trace unless RAPPORT_DEBUG is set.
 */
export class InputError extends Error {
  readonly exitCode = 1
  constructor(message: string) {
    super(message)
    this.name = 'InputError'
  }
}

export class UsageError extends Error {
  readonly exitCode = 2
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

/** Formats a location the way every Rapport error names it: `file:line: column: reason`. */
export function at(file: string, line: number, column: string | undefined, reason: string): string {
  return column === undefined ? `${file}:${line}: ${reason}` : `${file}:${line}: ${column}: ${reason}`
}
