import { createWriteStream, type WriteStream } from 'node:fs'
import { stringify, type Stringifier } from 'csv-stringify'
import type { RowOrigin } from './valid-batch.ts'
import type { RowError } from './row-error.ts'

/**
 * `<file>.rejects.csv`: every rejected row with its line and reasons, followed by its original cells, so the
 * rejects can be fixed and imported again.
 */
export class RejectsFile {
  #csv: Stringifier | undefined
  #out: WriteStream | undefined
  #columns: string[] = []
  count = 0

  constructor(readonly path: string) {}

  write(row: RowOrigin, errors: RowError[]): void {
    if (!this.#csv) {
      this.#columns = Object.keys(row.raw)
      this.#out = createWriteStream(this.path)
      this.#csv = stringify({ header: true, columns: ['_line', '_errors', ...this.#columns] })
      this.#csv.pipe(this.#out)
    }
    const reasons = errors.map((e) => (e.column ? `${e.column}: ${e.reason}` : e.reason)).join('; ')
    this.#csv.write([row.line, reasons, ...this.#columns.map((c) => row.raw[c] ?? '')])
    this.count++
  }

  async close(): Promise<void> {
    if (!this.#csv || !this.#out) return
    const out = this.#out
    const done = new Promise<void>((resolve, reject) => {
      out.on('finish', resolve)
      out.on('error', reject)
    })
    this.#csv.end()
    await done
  }
}
