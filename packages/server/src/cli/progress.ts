import cliProgress from 'cli-progress'

export interface Progress {
  update(fraction: number, label: string): void
  stop(): void
}

/** A progress bar on stderr when it is a terminal; silent otherwise (CI logs, pipes). */
export function progressBar(title: string): Progress {
  if (!process.stderr.isTTY) return { update() {}, stop() {} }
  const bar = new cliProgress.SingleBar(
    { format: `${title} [{bar}] {percentage}% | {label}`, stream: process.stderr, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  )
  bar.start(1000, 0, { label: '' })
  return {
    update: (fraction, label) => bar.update(Math.round(fraction * 1000), { label }),
    stop: () => bar.stop(),
  }
}
