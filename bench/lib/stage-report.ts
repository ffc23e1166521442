import { markdownTable } from './report.ts'
import type { KindRun, Stages } from './run-stages.ts'

const s = (x: number | null): string => (x === null ? '–' : x.toFixed(2))

/** The per-stage table: status, rows written, train / score + write / wall seconds, peak RSS; target stages marked when given. */
export function stageTable(r: Stages, target?: readonly string[]): string {
  const mark = (stage: string): Array<string | number> => (target ? [target.includes(stage) ? 'yes' : 'no'] : [])
  return markdownTable(
    ['stage', ...(target ? ['in 120 s target'] : []), 'status', 'rows scored', 'train + backtest s', 'score + write s', 'wall s', 'peak RSS MiB'],
    r.stages.map((x) => [x.stage, ...mark(x.stage), x.status, x.rows ?? '–', s(x.train), s(x.score), x.seconds.toFixed(2), Math.round(x.peakMiB)]),
  )
}

const num = (v: number): string => (Math.abs(v) >= 1000 || Number.isInteger(v) ? String(Math.round(v)) : v.toPrecision(3))

/** Compact JSON of a small value, cut at `max` characters. */
export function brief(value: unknown, max = 400): string {
  const text = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(3)) : v))
  return text.length > max ? `${text.slice(0, max)}…` : text
}

/** One line per kind: status (or why not trained), the backtest metrics against their baselines, fitted parameters, scoring summary. */
export function kindLine(r: KindRun): string {
  const head = `**${r.kind}** v${r.version}: ${r.status.replace('_', ' ')}`
  if (r.status === 'insufficient_data') return `${head}: ${r.reason}`
  const values = new Map(Object.entries(r.metrics).filter((e): e is [string, number] => typeof e[1] === 'number'))
  // Each metric that has a baseline counterpart first, side by side; then the rest.
  const paired = [...values].filter(([k]) => values.has(`baseline_${k}`)).map(([k, v]) => `${k} ${num(v)} (baseline ${num(values.get(`baseline_${k}`) as number)})`)
  const rest = [...values].filter(([k]) => !values.has(`baseline_${k}`) && !(k.startsWith('baseline_') && values.has(k.slice(9)))).map(([k, v]) => `${k} ${num(v)}`)
  const parts = [
    paired.length > 0 ? `against the baseline: ${paired.join(', ')}` : '',
    rest.length > 0 ? `metrics: ${rest.join(', ')}` : paired.length > 0 ? '' : 'no backtest metrics',
    r.fitted ? `fitted: ${brief(r.fitted, 300)}` : '',
    r.scored ? `scored ${r.scored.rows} rows; summary: ${brief(r.scored.summary)}` : '',
    `training rows ${brief(r.training.rows, 200)}, excluded for revoked profiling consent: ${r.training.excludedNoProfilingConsent}`,
  ].filter(Boolean)
  return `${head}; ${parts.join('; ')}`
}

export const kindDetails = (r: Stages): string[] => r.runs.map((x) => `- ${kindLine(x)}`)
