import { requirePermission, type Actor } from '../../domain/actor.ts'
import type { Db } from '../../store/db.ts'
import { upliftModel } from '../intelligence/kinds/uplift.ts'
import { trainKind, type TrainRunResult } from '../intelligence/run-model.ts'

export { PERSUADABLE_FROM, SLEEPING_DOG_TO, UPLIFT_BANDS, UPLIFT_KIND, upliftBand, upliftModel } from '../intelligence/kinds/uplift.ts'

/**
 * Trains the uplift model on the workspace's finished campaigns and, when the activation rule allows, scores every
 * customer (the runner's registry row, activation and atomic switch of stored scores, as for every kind).
 */
export function trainUpliftFromCampaigns(db: Db, actor: Actor, options: Record<string, unknown> = {}, env: { asOf?: Date } = {}): Promise<TrainRunResult> {
  requirePermission(actor, 'models:train')
  return trainKind({ db, actor, ...env }, upliftModel, options)
}
