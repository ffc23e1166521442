import type { CommandGroups } from '../groups.ts'
import { registerEvalClassify } from './eval-classify.ts'
import { registerEvalUplift } from './eval-uplift.ts'
import { registerPredict } from './predict-file.ts'
import { registerRiskAnomalies } from './risk-anomalies.ts'
import { registerRiskScorecard } from './risk-scorecard.ts'
import { registerTrainClassify } from './train-classify.ts'

/** Predictive models: `eval classify`, `train classify`, `predict`, `risk scorecard`, `risk anomalies`. */
export function registerPredictCommands(groups: CommandGroups): void {
  registerEvalClassify(groups.eval)
  registerEvalUplift(groups.eval)
  registerTrainClassify(groups.train)
  registerPredict(groups.program)
  registerRiskScorecard(groups.risk)
  registerRiskAnomalies(groups.risk)
}
