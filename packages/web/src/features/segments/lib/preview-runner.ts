/**
 * The live preview's timing: every edit schedules a preview ~400 ms later (typing a number asks once, not
 * once per keystroke), and a newer edit aborts the request still in flight, so an older, slower answer can
 * never overwrite a newer one. Pure (timers and the request are passed in) so it is tested without React.
 */
export const PREVIEW_DELAY_MS = 400

export interface PreviewRunner<T> {
  /** Asks for `input` after the delay, dropping whatever was scheduled or in flight before. */
  schedule(input: T): void
  /** Drops the scheduled and the in-flight request (the page is leaving, or the tree is incomplete). */
  cancel(): void
}

export interface PreviewRunnerOptions<T, R> {
  run: (input: T, signal: AbortSignal) => Promise<R>
  onStart?: (input: T) => void
  onResult: (result: R, input: T) => void
  onError: (error: unknown, input: T) => void
  delayMs?: number
  timers?: { set: (fn: () => void, ms: number) => unknown; clear: (handle: unknown) => void }
}

export function createPreviewRunner<T, R>(o: PreviewRunnerOptions<T, R>): PreviewRunner<T> {
  const timers = o.timers ?? { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) }
  let timer: unknown
  let inFlight: AbortController | undefined

  const cancel = () => {
    if (timer !== undefined) timers.clear(timer)
    timer = undefined
    inFlight?.abort()
    inFlight = undefined
  }

  const fire = (input: T) => {
    timer = undefined
    const controller = new AbortController()
    inFlight = controller
    o.onStart?.(input)
    o.run(input, controller.signal).then(
      (result) => {
        if (inFlight !== controller) return
        inFlight = undefined
        o.onResult(result, input)
      },
      (error: unknown) => {
        if (inFlight !== controller || controller.signal.aborted) return
        inFlight = undefined
        o.onError(error, input)
      },
    )
  }

  return {
    schedule(input) {
      cancel()
      timer = timers.set(() => fire(input), o.delayMs ?? PREVIEW_DELAY_MS)
    },
    cancel,
  }
}
