import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { createPreviewRunner, PREVIEW_DELAY_MS } from './preview-runner.ts'

/** A fake request: each call is recorded with its signal and answered (or failed) by the test. */
function fakeFetch() {
  const calls: Array<{ input: string; signal: AbortSignal; resolve: (v: string) => void; reject: (e: unknown) => void }> = []
  const run = (input: string, signal: AbortSignal) =>
    new Promise<string>((resolve, reject) => {
      calls.push({ input, signal, resolve, reject })
      signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))
    })
  return { calls, run }
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('live preview timing', () => {
  test('quick edits ask once, ~400 ms after the last one', async () => {
    const f = fakeFetch()
    const results: string[] = []
    const r = createPreviewRunner({ run: f.run, onResult: (x) => results.push(x), onError: () => undefined })
    r.schedule('a')
    await vi.advanceTimersByTimeAsync(300)
    r.schedule('ab')
    await vi.advanceTimersByTimeAsync(300)
    r.schedule('abc')
    await vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS - 1)
    expect(f.calls).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(f.calls.map((c) => c.input)).toEqual(['abc'])
    f.calls[0]?.resolve('answer abc')
    await vi.advanceTimersByTimeAsync(0)
    expect(results).toEqual(['answer abc'])
  })

  test('a newer edit aborts the request in flight, and the older answer is never shown even if it arrives', async () => {
    const f = fakeFetch()
    const results: string[] = []
    const errors: unknown[] = []
    const r = createPreviewRunner({ run: f.run, onResult: (x, input) => results.push(`${input}:${x}`), onError: (e) => errors.push(e) })
    r.schedule('old')
    await vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS)
    const old = f.calls[0]
    expect(old?.signal.aborted).toBe(false)
    r.schedule('new')
    expect(old?.signal.aborted).toBe(true)
    old?.resolve('late')
    await vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS)
    expect(f.calls.map((c) => c.input)).toEqual(['old', 'new'])
    f.calls[1]?.resolve('fresh')
    await vi.advanceTimersByTimeAsync(0)
    expect(results).toEqual(['new:fresh'])
    expect(errors).toEqual([])
  })

  test('a failure of the latest request is reported; cancel drops the scheduled and the in-flight one', async () => {
    const f = fakeFetch()
    const errors: unknown[] = []
    const r = createPreviewRunner({ run: f.run, onResult: () => undefined, onError: (e, input) => errors.push([input, e]) })
    r.schedule('bad')
    await vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS)
    f.calls[0]?.reject(new Error('400'))
    await vi.advanceTimersByTimeAsync(0)
    expect(errors).toEqual([['bad', new Error('400')]])

    r.schedule('x')
    await vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS)
    r.schedule('y')
    r.cancel()
    expect(f.calls[1]?.signal.aborted).toBe(true)
    await vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS * 2)
    expect(f.calls).toHaveLength(2)
    expect(errors).toHaveLength(1)
  })
})
