/**
 * Peak resident memory of this process: RSS sampled every `ms` (default 100) plus the kernel's own high-water
 * mark (`resourceUsage().maxRSS`, which also catches spikes between samples). In-process databases (PGlite's
 * WASM heap) count, since they live in this process.
 */
export interface RssSampler {
  /** Highest sampled RSS since the last `mark`, in MiB; starts a new window. */
  mark(): number
  /** The kernel's high-water mark for the whole process so far, in MiB. */
  processPeak(): number
  stop(): void
}

const MIB = 2 ** 20

export function sampleRss(ms = 100): RssSampler {
  let windowPeak = process.memoryUsage().rss
  const timer = setInterval(() => (windowPeak = Math.max(windowPeak, process.memoryUsage().rss)), ms)
  timer.unref()
  return {
    mark() {
      const peak = Math.max(windowPeak, process.memoryUsage().rss)
      windowPeak = process.memoryUsage().rss
      return peak / MIB
    },
    processPeak: () => (process.resourceUsage().maxRSS * 1024) / MIB,
    stop: () => clearInterval(timer),
  }
}
