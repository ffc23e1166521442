import type { Command } from 'commander'
import type { CommandGroups } from '../groups.ts'
import { registerModelsList } from './list.ts'
import { registerModelsPromote } from './promote.ts'
import { registerModelsTrain } from './train.ts'

/** `rapport models …`: the platform's model registry on the local database. */
export function registerModelCommands(groups: CommandGroups): void {
  const models: Command = groups.program.command('models').description("train, list and promote the workspace's models (churn, CLV, recommendations, segments …)")
  registerModelsTrain(models)
  registerModelsList(models)
  registerModelsPromote(models)
}
