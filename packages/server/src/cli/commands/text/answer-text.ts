import { Option, type Command } from 'commander'
import { UsageError } from '../../../errors/rapport-error.ts'
import { printJson, printLine } from '../../output.ts'
import { numberOption, tableOptions, withTableOptions } from '../../table-flags.ts'
import { readAnswerPairs } from '../../../features/texts.ts'
import { suggestReplies } from '../../../services/analytics/suggest-answers.ts'

interface AnswerOpts extends Record<string, unknown> {
  kb: string
  questionCol: string
  answerCol: string
  top: number
  lang: 'zh' | 'en' | 'auto'
  json?: boolean
}

/** `rapport text answer`: suggested replies by BM25 retrieval over a question/answer knowledge base. */
export function addAnswerTextCommand(parent: Command): void {
  const cmd = parent
    .command('answer')
    .description('suggest replies to a question from a knowledge base of question/answer pairs (BM25)')
    .argument('<question>', 'the customer question')
    .requiredOption('--kb <file>', 'knowledge base with question and answer columns')
    .requiredOption('--question-col <name>', 'column with the known questions')
    .requiredOption('--answer-col <name>', 'column with the answers')
    .option('--top <n>', 'number of suggestions', numberOption('--top'), 3)
    .addOption(new Option('--lang <lang>', 'zh, en or auto').choices(['zh', 'en', 'auto']).default('auto'))
    .option('--json', 'print one JSON object')
  withTableOptions(cmd).action(async (question: string, o: AnswerOpts) => runAnswer(question, o))
}

async function runAnswer(question: string, o: AnswerOpts): Promise<void> {
  if (!Number.isInteger(o.top) || o.top < 1) throw new UsageError(`--top must be a positive integer, got ${o.top}`)
  if (question.trim() === '') throw new UsageError('the question is empty')
  const { pairs, lines } = await readAnswerPairs(o.kb, o.questionCol, o.answerCol, tableOptions(o))
  const suggestions = suggestReplies(pairs, lines, question, { top: o.top, lang: o.lang })
  if (o.json) return printJson({ question, kb: o.kb, suggestions })
  if (suggestions.length === 0) printLine('no matching question in the knowledge base')
  for (const s of suggestions) printLine(`${s.score.toFixed(3)}  [${s.matchedQuestion}]  ${s.answer}`)
}
