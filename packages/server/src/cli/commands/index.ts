import type { Command } from 'commander'
import { registerAdminCommands } from './admin/register.ts'
import { registerCoreCommands } from './core/register.ts'
import { registerRecommendCommands } from './recommend/register.ts'
import { registerAnalyzeCommands } from './analyze/register.ts'
import { registerPredictCommands } from './predict/register.ts'
import { registerTextCommands } from './text/register.ts'
import { registerModelCommands } from './models/register.ts'
import { registerCampaignCommands } from './campaigns/register.ts'
import { registerSegmentCommands } from './segments/register.ts'
import { registerKbCommands } from './kb/register.ts'
import type { CommandGroups } from './groups.ts'

/** Wires every command into the program; each capability owns one folder under commands/. */
export function registerCommands(program: Command): void {
  const groups: CommandGroups = {
    program,
    eval: program.command('eval').description('evaluate a model family on a file (cross-validation or fixed split)'),
    train: program.command('train').description('fit a model on a file and save it as JSON'),
    analyze: program.command('analyze').description('descriptive customer analytics on a file'),
    risk: program.command('risk').description('credit-risk scorecards and anomaly flags'),
    text: program.command('text').description('text models: sentiment, intent, keywords, suggested replies'),
  }
  registerCoreCommands(groups)
  registerAdminCommands(groups)
  registerRecommendCommands(groups)
  registerAnalyzeCommands(groups)
  registerPredictCommands(groups)
  registerTextCommands(groups)
  registerModelCommands(groups)
  registerSegmentCommands(groups.program)
  registerCampaignCommands(groups.program)
  registerKbCommands(groups.program)
}
