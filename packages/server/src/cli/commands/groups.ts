import type { Command } from 'commander'

/** The shared parent commands that several capability folders add subcommands to. */
export interface CommandGroups {
  program: Command
  /** `rapport eval ...`: cross-validated evaluation of a model family on a file. */
  eval: Command
  /** `rapport train ...`: fit a model on a file and save it as JSON. */
  train: Command
  /** `rapport analyze ...`: descriptive analytics on a file. */
  analyze: Command
  /** `rapport risk ...`: credit scorecards and anomaly flags. */
  risk: Command
  /** `rapport text ...`: text models, keywords and answers. */
  text: Command
}
