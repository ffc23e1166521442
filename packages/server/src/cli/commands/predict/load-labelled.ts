import { readLabelled, type Labelled } from '../../../features/labelled-table.ts'
import type { TableOptions } from '../../../io/table-options.ts'
import { info } from '../../output.ts'

/** Splits a comma list option into trimmed names. */
export function listOption(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '')
}

/** Reads a labelled file through the features loader and prints what it decided (rows left out, positive class). */
export async function loadLabelled(file: string, opts: TableOptions, target: string, positive: string | undefined, drop: string[]): Promise<Labelled> {
  const data = await readLabelled(file, opts, target, positive, drop)
  for (const note of data.notes) info(note)
  return data
}
