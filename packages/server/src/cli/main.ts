import { Command, CommanderError, InvalidArgumentError } from 'commander'
import { RapportError } from '../errors/rapport-error.ts'
import { registerCommands } from './commands/index.ts'
import { exitCodeOf } from './to-exit-code.ts'

/**
 * Runs the `rapport` CLI and returns its exit code: 0 success, 1 bad input, 2 usage error.
 * Errors print one line on stderr; a stack only with RAPPORT_DEBUG=1.
 */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('rapport')
    .description('Rapport: an open-source, AI-native customer platform')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
  registerCommands(program)
  for (const cmd of allCommands(program)) cmd.exitOverride()
  try {
    await program.parseAsync(argv)
    return typeof process.exitCode === 'number' ? process.exitCode : 0
  } catch (err) {
    return reportError(err)
  }
}

function allCommands(cmd: Command): Command[] {
  return [cmd, ...cmd.commands.flatMap(allCommands)]
}

function reportError(err: unknown): number {
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0
    return err instanceof InvalidArgumentError || err.exitCode !== 0 ? 2 : 0
  }
  const e = err as { message?: unknown; stack?: unknown }
  const message = typeof e?.message === 'string' ? e.message : String(err)
  process.stderr.write(`rapport: ${message}\n`)
  if (process.env.RAPPORT_DEBUG && typeof e?.stack === 'string') process.stderr.write(`${e.stack}\n`)
  if (err instanceof RapportError) {
    if (err.code === 'unavailable') process.stderr.write('rapport: this is temporary: run the command again\n')
    return exitCodeOf(err.code)
  }
  // Errors thrown by option parsers (bad numbers, bad --param) are usage errors.
  if (err instanceof Error && /^--[a-z]/.test(message)) return 2
  return 1
}
