import { writeFileSync } from 'node:fs'
import type { Command } from 'commander'
import { stringify } from 'csv-stringify/sync'
import { InputError, UsageError } from '../../../errors/rapport-error.ts'
import { info, printJson, printTable } from '../../output.ts'
import { numberOption, tableOptions, withTableOptions } from '../../table-flags.ts'
import { readWithSchema } from '../../../features/labelled-table.ts'
import { loadClassifier } from '../../../services/models/classifier-file.ts'
import { scoreClassifier } from '../../../services/analytics/score-classifier.ts'

/** `rapport predict`: score a file with a saved classifier, optionally explaining each row. */
export function registerPredict(program: Command): void {
  withTableOptions(program.command('predict').description('score a file with a model saved by `rapport train classify`'))
    .requiredOption('--model <path>', 'model.json')
    .requiredOption('--file <path>', 'rows to score (same columns as the training file; the target may be absent)')
    .option('--explain', 'add the top contributions of each row, in original column names')
    .option('--top <n>', 'contributions per row with --explain', numberOption('--top'), 3)
    .option('--out <path>', 'write a CSV: the input columns plus probability (and explanation)')
    .option('--json', 'print one JSON object on stdout')
    .action(async (opts: Record<string, unknown>) => {
      const { model } = loadClassifier(opts.model as string)
      const top = opts.top as number
      if (!Number.isInteger(top) || top < 1) throw new UsageError('--top must be a positive integer')
      const { table, frame } = await readWithSchema(opts.file as string, tableOptions(opts), model.schema)
      const { probabilities: probs, explanations } = scoreClassifier(model, frame, opts.explain ? top : undefined)
      const describe = (cs: NonNullable<typeof explanations>[number]): string =>
        cs.map((c) => `${c.input} = ${c.value === '' ? '(missing)' : c.value}: ${c.probability >= 0 ? '+' : ''}${c.probability.toFixed(3)}`).join('; ')
      if (opts.out) {
        const header = [...table.columns, 'probability', ...(explanations ? ['explanation'] : [])]
        const rows = table.rows.map((r, i) => [...table.columns.map((_, j) => r[j] ?? ''), (probs[i] as number).toFixed(6), ...(explanations ? [describe(explanations[i] ?? [])] : [])])
        try {
          writeFileSync(opts.out as string, stringify([header, ...rows]))
        } catch (err) {
          throw new InputError(`${opts.out as string}: cannot write: ${(err as Error).message}`)
        }
        info(`wrote ${frame.nRows} scored rows to ${opts.out as string}`)
      }
      const target = model.target
      const predictions = Array.from(probs, (p, i) => ({ line: table.lines[i], probability: p, ...(explanations ? { explanation: explanations[i] } : {}) }))
      if (opts.json) return printJson({ model: model.kind, target, rows: frame.nRows, ...(opts.out ? { out: opts.out } : { predictions }) })
      if (opts.out) return
      printTable(['line', `P(${target.column} = ${target.positive})`, ...(explanations ? ['why (change in probability)'] : [])], predictions.map((p, i) => [p.line ?? 0, p.probability, ...(explanations ? [describe(explanations[i] ?? [])] : [])]))
    })
}
