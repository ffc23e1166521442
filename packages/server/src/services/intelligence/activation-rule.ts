import type { PrimaryMetric } from './model-kind.ts'

/**
 * A newly trained version replaces the active one only when its backtest is not worse beyond a tolerance:
 * relative, so one rule serves AUCs near 0.8 and errors in currency. A user with models:train can promote any
 * trained version regardless (promote).
 */
export const ACTIVATION_TOLERANCE = 0.02

export interface ActivationDecision {
  activate: boolean
  reason: string
}

export function decideActivation(candidate: PrimaryMetric | undefined, active: PrimaryMetric | undefined, tolerance = ACTIVATION_TOLERANCE): ActivationDecision {
  if (!active) return { activate: true, reason: 'no active version' }
  if (!candidate) return { activate: true, reason: 'this kind has no backtest metric; the newest version is used' }
  if (candidate.name !== active.name) return { activate: true, reason: `the active version was measured by ${active.name}, this one by ${candidate.name}` }
  if (!Number.isFinite(active.value)) return { activate: true, reason: `the active version's ${active.name} is not a number` }
  const slack = tolerance * Math.max(Math.abs(active.value), 1e-12)
  const ok = candidate.higherIsBetter ? candidate.value >= active.value - slack : candidate.value <= active.value + slack
  const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(1) : v.toPrecision(4))
  return ok
    ? { activate: true, reason: `${candidate.name} ${fmt(candidate.value)} vs active ${fmt(active.value)}: within ${tolerance * 100}% or better` }
    : { activate: false, reason: `${candidate.name} ${fmt(candidate.value)} is worse than the active version's ${fmt(active.value)} by more than ${tolerance * 100}%; promote it to use it anyway` }
}
