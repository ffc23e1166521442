import type { CommandGroups } from '../groups.ts'
import { addAnswerTextCommand } from './answer-text.ts'
import { addEvalTextCommand } from './eval-text.ts'
import { addKeywordsTextCommand } from './keywords-text.ts'
import { addPredictTextCommand } from './predict-text.ts'
import { addTrainTextCommand } from './train-text.ts'

/** Text intelligence: `rapport eval text` and `rapport text train|predict|keywords|answer`. */
export function registerTextCommands(groups: CommandGroups): void {
  addEvalTextCommand(groups.eval)
  addTrainTextCommand(groups.text)
  addPredictTextCommand(groups.text)
  addKeywordsTextCommand(groups.text)
  addAnswerTextCommand(groups.text)
}
