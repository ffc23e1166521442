import type { Command } from 'commander'
import { UsageError } from '../../../errors/rapport-error.ts'
import { printJson, printTable } from '../../output.ts'
import { tableOptions, withTableOptions } from '../../table-flags.ts'
import { loadTextModel } from '../../../services/models/text-model-file.ts'
import { predictTexts } from '../../../services/analytics/predict-text.ts'
import { readTexts } from '../../../features/texts.ts'

interface PredictTextOpts extends Record<string, unknown> {
  model?: string
  lexicon?: boolean
  file: string
  textCol: string
  json?: boolean
}

/** `rapport text predict`: score every text of a file with a saved model, or with the sentiment lexicon. */
export function addPredictTextCommand(parent: Command): void {
  const cmd = parent
    .command('predict')
    .description('apply a saved text model to a file (or --lexicon: cold-start sentiment with no model, weaker)')
    .option('--model <file>', 'model JSON from rapport text train')
    .option('--lexicon', 'no model: lexicon sentiment (wink-nlp for English, a small Chinese lexicon); clearly the weaker mode')
    .requiredOption('--file <file>', 'texts to score')
    .requiredOption('--text-col <name>', 'column with the text')
    .option('--json', 'print one JSON object')
  withTableOptions(cmd).action(async (o: PredictTextOpts) => runPredictText(o))
}

async function runPredictText(o: PredictTextOpts): Promise<void> {
  if ((o.model === undefined) === !o.lexicon) throw new UsageError('give either --model <file> or --lexicon')
  const loaded = o.model !== undefined ? loadTextModel(o.model) : undefined
  const data = await readTexts(o.file, o.textCol, undefined, tableOptions(o))
  const predictions = predictTexts(data.texts, data.lines, loaded)
  const task = loaded?.settings.task ?? 'sentiment'
  if (o.json) return printJson({ task, mode: loaded ? 'trained' : 'lexicon', file: o.file, rows: predictions.length, predictions })
  printTable(
    ['line', 'label', 'confidence/score', 'text'],
    predictions.map((p, i) => [p.line, p.abstain ? `${p.label} (hand off)` : p.label, p.confidence ?? p.score ?? 0, clip(data.texts[i] ?? '')]),
  )
}

function clip(t: string): string {
  const s = t.replace(/\s+/g, ' ').trim()
  return s.length > 60 ? `${s.slice(0, 57)}...` : s
}
