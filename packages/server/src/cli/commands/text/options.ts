import { Option, type Command } from 'commander'
import { TEXT_MODEL_KINDS, type TextModelKind } from '@rapport/ml'
import { UsageError } from '../../../errors/rapport-error.ts'

/** --lang and --model, shared by eval text and text train. */
export function withModelOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--lang <lang>', 'text language: zh, en or auto (per text: jieba when it has Chinese)').choices(['zh', 'en', 'auto']).default('auto'))
    .addOption(
      new Option('--model <kind>', 'classifier: nbsvm, logistic, svm, nb (multinomial) or cnb (complement); default: chosen on the training rows by inner cross-validation among linear-SVM candidates (n-gram blocks, C, class weighting)')
        .choices([...TEXT_MODEL_KINDS]),
    )
}

export function modelKind(value: unknown): TextModelKind | undefined {
  if (value === undefined) return undefined
  if (!TEXT_MODEL_KINDS.includes(value as TextModelKind)) throw new UsageError(`--model must be one of ${TEXT_MODEL_KINDS.join(', ')}`)
  return value as TextModelKind
}

/** Progress lines only on an interactive terminal (stderr), never under pipes. */
export function progress(text: string): void {
  if (process.stderr.isTTY) process.stderr.write(`${text}\n`)
}
