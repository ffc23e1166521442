/** A FIFO mutex: `run(fn)` waits for every earlier holder to finish before calling fn. */
export class AsyncLock {
  #tail: Promise<void> = Promise.resolve()

  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(fn)
    this.#tail = result.then(
      () => undefined,
      () => undefined,
    )
    return result
  }
}
