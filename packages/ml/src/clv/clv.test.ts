import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  bgnbdConditionalExpected,
  bgnbdCustomerLogLikelihood,
  bgnbdExpectedPurchases,
  bgnbdLikelihood,
  bgnbdLogLikelihood,
  bgnbdObjective,
  bgnbdProbabilityAlive,
  fitBgNbd,
} from './bgnbd.ts'
import { paretoNbdConditionalExpected, paretoNbdCustomerLogLikelihood, paretoNbdProbabilityAlive } from './pareto-nbd.ts'
import { fitGammaGamma, gammaGammaCustomerLogLikelihood, gammaGammaExpectedSpend, gammaGammaLogLikelihood, gammaGammaObjective } from './gamma-gamma.ts'
import { hyp2f1 } from './hypergeometric.ts'
import { nelderMead } from './nelder-mead.ts'
import { buildCalibrationHoldout } from './rfm-summary.ts'
import { discountedLifetimeValue } from './lifetime-value.ts'
import { createRng } from '../random.ts'

const close = (a: number, b: number, eps: number, what = ''): void =>
  assert.ok(Math.abs(a - b) <= eps * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`)

test('BG/NBD log-likelihood of one customer equals the closed form worked by hand', () => {
  // r=1, α=2, a=1, b=2, x=2, t_x=3, T=5:
  // Γ(3)/Γ(1)·2¹ = 4; B(1,4)/B(1,2) = 1/2 with (α+T)^(r+x) = 7³; B(2,3)/B(1,2) = 1/6 with (α+t_x)³ = 5³.
  const hand = Math.log(4 * (0.5 / 343 + 1 / 6 / 125))
  close(bgnbdCustomerLogLikelihood({ r: 1, alpha: 2, a: 1, b: 2 }, 2, 3, 5), hand, 1e-13)
  // x = 0: only the first term, Γ(1)/Γ(1)·2 · B(1,2)/B(1,2) / 7.
  close(bgnbdCustomerLogLikelihood({ r: 1, alpha: 2, a: 1, b: 2 }, 0, 0, 5), Math.log(2 / 7), 1e-13)
  // P(alive) = 1 / (1 + a/(b+x−1)·((α+T)/(α+t_x))^(r+x)) = 1 / (1 + (1/3)(7/5)³)
  close(bgnbdProbabilityAlive({ r: 1, alpha: 2, a: 1, b: 2 }, 2, 3, 5), 1 / (1 + (1 / 3) * (7 / 5) ** 3), 1e-13)
})

test('hypergeometric 2F1 matches scipy.special.hyp2f1 (values printed by scipy 1.17)', () => {
  close(hyp2f1(1.5, 2.5, 3.2, 0.3), 1.5088872648095977, 1e-13)
  close(hyp2f1(3.55, 1.6, 5.15, 0.95), 11.286192444665383, 1e-12) // Euler branch
  close(hyp2f1(2, 3, 4.5, -2.5), 0.1613102640345956, 1e-13) // Pfaff branch
  close(hyp2f1(20.2, 22.4, 23, 0.47), 262895.7997161479, 1e-12)
  close(hyp2f1(0.8, 1.6, 2.1, 0.999), 21.07808344936672, 1e-11)
  close(hyp2f1(1, 1, 2, 0.5), -Math.log(0.5) / 0.5, 1e-14) // ₂F₁(1,1;2;z) = −ln(1−z)/z
})

test('BG/NBD expectations are consistent', () => {
  const p = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }
  // A customer with no history behaves like a new customer from time 0 (T = 0).
  close(bgnbdConditionalExpected(p, 10, 0, 0, 0), bgnbdExpectedPurchases(p, 10), 1e-10)
  // More recent purchases mean higher P(alive) and more expected purchases.
  assert.ok(bgnbdProbabilityAlive(p, 3, 30, 38) > bgnbdProbabilityAlive(p, 3, 10, 38))
  assert.ok(bgnbdConditionalExpected(p, 39, 3, 30, 38) > bgnbdConditionalExpected(p, 39, 3, 10, 38))
  assert.equal(bgnbdConditionalExpected(p, 0, 3, 30, 38), 0)
})

test('Pareto/NBD: customer bought at the end has P(alive) 1 and the likelihood collapses to the NBD term', () => {
  const p = { r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 }
  assert.equal(paretoNbdProbabilityAlive(p, 2, 20, 20), 1)
  // With T = t_x: ln L = lnΓ(r+x) − lnΓ(r) + r ln α + s ln β − (r+x) ln(α+T) − s ln(β+T); here Γ(2.55)/Γ(.55) = 1.55·0.55.
  const hand = Math.log(1.55 * 0.55) + 0.55 * Math.log(10.58) + 0.61 * Math.log(11.67) - 2.55 * Math.log(30.58) - 0.61 * Math.log(31.67)
  close(paretoNbdCustomerLogLikelihood(p, 2, 20, 20), hand, 1e-12)
  const alive = paretoNbdProbabilityAlive(p, 2, 5, 20)
  assert.ok(alive > 0 && alive < 1)
  assert.ok(paretoNbdConditionalExpected(p, 10, 2, 5, 20) < paretoNbdConditionalExpected(p, 10, 2, 19, 20))
})

test('Gamma-Gamma: likelihood for x = 1 is the Gamma–Gamma compound density; expected spend shrinks to the mean', () => {
  // x = 1, p = 2, q = 3, γ = 4, m = 5: Γ(5)/(Γ(2)Γ(3)) · 4³ · 5 / 9⁵ = 12·64·5/59049
  close(gammaGammaCustomerLogLikelihood({ p: 2, q: 3, gamma: 4 }, 1, 5), Math.log((12 * 64 * 5) / 59049), 1e-13)
  const g = { p: 6.25, q: 3.74, gamma: 15.44 }
  const population = (g.p * g.gamma) / (g.q - 1)
  const e = gammaGammaExpectedSpend(g, 2, 100)
  assert.ok(e > population && e < 100)
  close(gammaGammaExpectedSpend(g, 0, 0), population, 1e-12)
})

test('Nelder–Mead finds the Rosenbrock minimum', () => {
  const r = nelderMead((v) => 100 * (v[1]! - v[0]! ** 2) ** 2 + (1 - v[0]!) ** 2, [-1.2, 1], { xTolerance: 1e-10, fTolerance: 1e-14 })
  close(r.x[0]!, 1, 1e-6)
  close(r.x[1]!, 1, 1e-6)
})

test('calibration summary merges same-day purchases and excludes the first purchase', () => {
  // customer 0: days 0 (two lines), 7, 14 (calibration), 30 (holdout); customer 1: day 21 only; customer 2: starts after.
  const log = {
    customer: Int32Array.from([0, 0, 0, 0, 1, 0, 2]),
    day: Float64Array.from([0, 0, 7, 14, 21, 30, 25]),
    amount: Float64Array.from([5, 5, 20, 40, 8, 11, 3]),
  }
  const s = buildCalibrationHoldout(log, { calibrationEnd: 21, observationEnd: 35, unitDays: 7 })
  assert.deepEqual(Array.from(s.customers), [0, 1])
  assert.deepEqual(Array.from(s.calibration.frequency), [2, 0])
  assert.deepEqual(Array.from(s.calibration.recency), [2, 0])
  assert.deepEqual(Array.from(s.calibration.age), [3, 0])
  assert.deepEqual(Array.from(s.calibration.monetary), [30, 0])
  assert.deepEqual(Array.from(s.holdoutFrequency), [1, 0])
  assert.deepEqual(Array.from(s.holdoutSpend), [11, 0])
  assert.equal(s.holdoutLength, 2)
})

test('BG/NBD fit recovers parameters of simulated customers', () => {
  // Simulate the BG/NBD story: λ ~ Gamma(r, α), p ~ Beta(a, b); after each purchase the customer drops with p.
  const truth = { r: 0.8, alpha: 4, a: 0.6, b: 2.5 }
  const rng = createRng(7)
  const gamma = (shape: number): number => {
    // Marsaglia–Tsang, with the shape < 1 boost.
    if (shape < 1) return gamma(shape + 1) * rng.next() ** (1 / shape)
    const d = shape - 1 / 3
    const c = 1 / Math.sqrt(9 * d)
    for (;;) {
      const z = rng.normal()
      const v = (1 + c * z) ** 3
      if (v > 0 && Math.log(rng.next()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v
    }
  }
  const n = 4000
  const T = 40
  const freq = new Float64Array(n)
  const rec = new Float64Array(n)
  const age = new Float64Array(n).fill(T)
  for (let i = 0; i < n; i++) {
    const lambda = gamma(truth.r) / truth.alpha
    const ga = gamma(truth.a)
    const p = ga / (ga + gamma(truth.b))
    let t = 0
    let x = 0
    for (;;) {
      t += -Math.log(1 - rng.next()) / lambda
      if (t > T) break
      x++
      rec[i] = t
      if (rng.next() < p) break
    }
    freq[i] = x
  }
  const data = { frequency: freq, recency: rec, age, monetary: new Float64Array(n) }
  const fit = fitBgNbd(data)
  assert.ok(fit.logLikelihood >= bgnbdLogLikelihood(truth, data) - 1e-6, 'MLE at least as likely as the truth')
  close(fit.params.r, truth.r, 0.25, 'r')
  close(fit.params.alpha, truth.alpha, 0.35, 'alpha')
})

test('discounted lifetime value sums discounted period increments', () => {
  // Linear expectation E[Y(t)] = t, spend 10, 3 periods of length 1, 10% discount: 10(1/1.1 + 1/1.21 + 1/1.331).
  close(discountedLifetimeValue((t) => t, 10, { periods: 3, periodLength: 1, discountRate: 0.1 }), 10 * (1 / 1.1 + 1 / 1.21 + 1 / 1.331), 1e-12)
})

test('Gamma-Gamma fit is a maximum', () => {
  const rng = createRng(3)
  const freq = Float64Array.from({ length: 300 }, () => 1 + rng.int(6))
  const mon = Float64Array.from({ length: 300 }, () => 10 + 40 * rng.next())
  const fit = fitGammaGamma(freq, mon)
  const ll = (g: { p: number; q: number; gamma: number }): number => {
    let s = 0
    for (let i = 0; i < 300; i++) s += gammaGammaCustomerLogLikelihood(g, freq[i]!, mon[i]!)
    return s
  }
  close(ll(fit.params), fit.logLikelihood, 1e-10)
  for (const k of ['p', 'q', 'gamma'] as const) {
    for (const f of [0.99, 1.01]) assert.ok(ll({ ...fit.params, [k]: fit.params[k] * f }) <= fit.logLikelihood + 1e-9, k)
  }
})

test('Pareto/NBD death-time integral: series and quadrature agree, and quadrature handles z → 1', async () => {
  const { logDeathIntegral } = await import('./pareto-nbd.ts')
  const { gaussLegendre } = await import('./gauss-legendre.ts')
  const gl = gaussLegendre(5)
  // 5-point rule integrates x⁸ exactly: ∫ x⁸ = 2/9.
  close(gl.nodes.reduce((s, x, i) => s + gl.weights[i]! * x ** 8, 0), 2 / 9, 1e-14)
  for (const [p, x, tx, T] of [
    [{ r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 }, 3, 20, 38],
    [{ r: 0.55, alpha: 30, s: 0.61, beta: 2 }, 0, 0, 30],
    [{ r: 2, alpha: 1, s: 3, beta: 9 }, 12, 5, 38],
  ] as const) {
    close(logDeathIntegral(p, x, tx, T, 'quadrature'), logDeathIntegral(p, x, tx, T, 'series'), 1e-10)
  }
  // r + x = 1 and s + 1 ≈ 1: ∫₀² dy / ((1+y)(3+y)) = ½·ln((1+y)/(3+y)) |₀² = ½·ln(9/5).
  const hand = Math.log(0.5 * Math.log(9 / 5))
  close(logDeathIntegral({ r: 1, alpha: 1, s: 1e-12, beta: 3 }, 0, 0, 2, 'quadrature'), hand, 1e-9)
  // Vanishing dropout (β ≫ α) is fast and finite.
  const t0 = performance.now()
  const v = logDeathIntegral({ r: 6.5, alpha: 13.4, s: 1.5e5, beta: 4.8e7 }, 10, 20, 26)
  assert.ok(Number.isFinite(v))
  assert.ok(performance.now() - t0 < 50)
})

test('conditional expectations match simulated holdout purchases (BG/NBD and Pareto/NBD, true parameters)', () => {
  // E[Σ Y_i(t)] = Σ E[Y_i(t) | calibration history]: simulate customers from the model, then compare the
  // summed conditional expectations with the purchases the simulation actually made after T.
  const rng = createRng(31)
  const gamma = (shape: number): number => {
    if (shape < 1) return gamma(shape + 1) * rng.next() ** (1 / shape)
    const d = shape - 1 / 3
    const c = 1 / Math.sqrt(9 * d)
    for (;;) {
      const z = rng.normal()
      const v = (1 + c * z) ** 3
      if (v > 0 && Math.log(rng.next()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v
    }
  }
  const exp = (rate: number): number => -Math.log(1 - rng.next()) / rate
  const n = 6000
  const T = 39
  const horizon = 39
  const bg = { r: 0.5, alpha: 5, a: 0.8, b: 2.5 }
  const pn = { r: 0.6, alpha: 8, s: 0.8, beta: 12 }
  let bgPred = 0
  let bgActual = 0
  let pnPred = 0
  let pnActual = 0
  for (let i = 0; i < n; i++) {
    // BG/NBD: after each purchase the customer drops out with probability p.
    {
      const lambda = gamma(bg.r) / bg.alpha
      const ga = gamma(bg.a)
      const p = ga / (ga + gamma(bg.b))
      let t = 0
      let x = 0
      let tx = 0
      let holdout = 0
      for (;;) {
        t += exp(lambda)
        if (t > T + horizon) break
        if (t <= T) {
          x++
          tx = t
        } else holdout++
        if (rng.next() < p) break
      }
      bgPred += bgnbdConditionalExpected(bg, horizon, x, tx, T)
      bgActual += holdout
    }
    // Pareto/NBD: exponential lifetime with rate μ, Poisson purchases while alive.
    {
      const lambda = gamma(pn.r) / pn.alpha
      const death = exp(gamma(pn.s) / pn.beta)
      let t = 0
      let x = 0
      let tx = 0
      let holdout = 0
      for (;;) {
        t += exp(lambda)
        if (t > Math.min(death, T + horizon)) break
        if (t <= T) {
          x++
          tx = t
        } else holdout++
      }
      pnPred += paretoNbdConditionalExpected(pn, horizon, x, tx, T)
      pnActual += holdout
    }
  }
  // Sampling error of the total is a few per cent at n = 6000; a wrong formula is typically off by far more.
  assert.ok(Math.abs(bgPred / bgActual - 1) < 0.06, `BG/NBD ${bgPred} vs ${bgActual}`)
  assert.ok(Math.abs(pnPred / pnActual - 1) < 0.06, `Pareto/NBD ${pnPred} vs ${pnActual}`)
})

test('bgnbdLikelihood equals bgnbdLogLikelihood bit for bit, repeated triples and fractional x included', () => {
  const n = 3000
  const frequency = new Float64Array(n)
  const recency = new Float64Array(n)
  const age = new Float64Array(n)
  let s = 7
  const next = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648)
  for (let i = 0; i < n; i++) {
    const T = Math.floor(next() * 60) / 7 + 1
    const x = i % 97 === 0 ? 2.5 : Math.floor(next() * 6)
    frequency[i] = x
    age[i] = T
    recency[i] = x === 0 ? 0 : Math.floor(next() * T * 7) / 7
  }
  const data = { frequency, recency, age, monetary: new Float64Array(n) }
  const ll = bgnbdLikelihood(data)
  for (const p of [{ r: 0.24, alpha: 4.4, a: 0.79, b: 2.4 }, { r: 1.3, alpha: 0.7, a: 3, b: 0.2 }]) {
    assert.equal(ll(p), bgnbdLogLikelihood(p, data))
  }
})

test('the BG/NBD and Gamma-Gamma objectives are −ll per customer and their gradients match finite differences', () => {
  const rng = createRng(11)
  const n = 400
  const frequency = Float64Array.from({ length: n }, () => (rng.next() < 0.3 ? 0 : 1 + rng.int(8)))
  const age = Float64Array.from({ length: n }, () => 10 + rng.int(40))
  const recency = Float64Array.from(frequency, (x, i) => (x === 0 ? 0 : Math.min(age[i]!, 1 + rng.int(40))))
  const monetary = Float64Array.from(frequency, (x) => (x === 0 ? 0 : 5 + 50 * rng.next()))
  const data = { frequency, recency, age, monetary }
  const check = (fg: (v: Float64Array, g: Float64Array) => number, v0: number[], reference: number) => {
    const v = Float64Array.from(v0)
    const g = new Float64Array(v.length)
    close(fg(v, g), reference, 1e-12, 'value')
    for (let j = 0; j < v.length; j++) {
      const up = Float64Array.from(v)
      const down = Float64Array.from(v)
      up[j]! += 1e-6
      down[j]! -= 1e-6
      const scratch = new Float64Array(v.length)
      close(g[j]!, (fg(up, scratch) - fg(down, scratch)) / 2e-6, 1e-6, `∂/∂v${j}`)
    }
  }
  const p = { r: 0.7, alpha: 4, a: 0.6, b: 3 }
  check(bgnbdObjective(data), [Math.log(p.r), Math.log(p.alpha), Math.log(p.a), Math.log(p.b)], -bgnbdLogLikelihood(p, data) / n)
  const g = { p: 2, q: 3, gamma: 20 }
  const repeaters = Array.from(frequency).filter((x) => x > 0).length
  check(gammaGammaObjective(frequency, monetary), [Math.log(g.p), Math.log(g.q), Math.log(g.gamma)], -gammaGammaLogLikelihood(g, frequency, monetary) / repeaters)
  // A warm start at the optimum stays there.
  const fit = fitBgNbd(data)
  const again = fitBgNbd(data, [fit.params])
  close(again.logLikelihood, fit.logLikelihood, 1e-9, 'warm refit')
})
