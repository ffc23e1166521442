import type { CommandGroups } from '../groups.ts'
import { registerEvalRatings } from './eval-ratings.ts'
import { registerEvalTopN } from './eval-topn.ts'

/** Recommendation commands: `rapport eval ratings` and `rapport eval topn`. */
export function registerRecommendCommands(groups: CommandGroups): void {
  registerEvalRatings(groups.eval)
  registerEvalTopN(groups.eval)
}
