/**
 * Two cached terms per whole frequency 0..max (larger or fractional x: slot −1, computed directly). The CLV
 * likelihoods' log-gamma terms depend on the frequency alone, so a fit computes them per distinct x (a few
 * dozen) rather than per customer (thousands), once per evaluation.
 */
export class PerFrequency {
  readonly first: Float64Array
  readonly second: Float64Array
  readonly #done: Uint8Array

  constructor(frequency: ArrayLike<number>, limit = 100_000) {
    let max = 0
    for (let i = 0; i < frequency.length; i++) {
      const x = frequency[i] as number
      if (Number.isInteger(x) && x >= 0 && x <= limit && x > max) max = x
    }
    this.first = new Float64Array(max + 1)
    this.second = new Float64Array(max + 1)
    this.#done = new Uint8Array(max + 1)
  }

  slot(x: number): number {
    return Number.isInteger(x) && x >= 0 && x < this.first.length ? x : -1
  }

  filled(k: number): boolean {
    return this.#done[k] === 1
  }

  set(k: number, first: number, second: number): void {
    this.first[k] = first
    this.second[k] = second
    this.#done[k] = 1
  }
}
