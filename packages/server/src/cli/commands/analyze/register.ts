import type { CommandGroups } from '../groups.ts'
import { registerDescribe } from './describe.ts'
import { registerRfm } from './rfm.ts'
import { registerCluster } from './cluster.ts'
import { registerRules } from './rules.ts'
import { registerClv } from './clv.ts'

/** Customer analytics: `rapport analyze describe|rfm|cluster|rules|clv`. */
export function registerAnalyzeCommands(groups: CommandGroups): void {
  registerDescribe(groups.analyze)
  registerRfm(groups.analyze)
  registerCluster(groups.analyze)
  registerRules(groups.analyze)
  registerClv(groups.analyze)
}
