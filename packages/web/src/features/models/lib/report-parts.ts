import { z } from 'zod'

/**
 * The parts of a model report the page draws specifically (ROC, calibration, lift/gains, fairness,
 * importance, activation), read defensively: a part whose shape is not the expected one is absent, and the
 * generic tables show it instead. Non-finite numbers arrive as null in JSON.
 */
const num = z.number().nullable()
const rocPoint = z.object({ fpr: z.number(), tpr: z.number(), threshold: num.optional() })
const liftRow = z.object({ bucket: z.number(), rows: z.number(), positives: z.number(), rate: num, lift: num, cumulativeGain: num, cumulativeLift: num.optional(), minScore: num.optional() })
const calibrationBin = z.object({ from: z.number(), to: z.number(), rows: z.number(), meanPredicted: num, observedRate: num })
const fairnessGroup = z.object({ group: z.string(), rows: z.number(), positiveRate: num, tpr: num, fpr: num, auc: num })
const fairness = z.record(z.string(), z.object({ threshold: num, groups: z.array(fairnessGroup), demographicParityDifference: num, equalOpportunityDifference: num }))
const importance = z.array(z.object({ feature: z.string(), importance: z.number() }))
const primary = z.object({ name: z.string(), value: num, higherIsBetter: z.boolean() })
const activation = z.object({ activate: z.boolean(), reason: z.string() })

export type RocPoint = z.infer<typeof rocPoint>
export type LiftRow = z.infer<typeof liftRow>
export type CalibrationBin = z.infer<typeof calibrationBin>
export type Fairness = z.infer<typeof fairness>
export type Importance = z.infer<typeof importance>

export interface ReportParts {
  roc?: RocPoint[]
  baselineRoc?: RocPoint[]
  lift?: LiftRow[]
  baselineLift?: LiftRow[]
  calibration?: CalibrationBin[]
  fairness?: Fairness
  importance?: Importance
  primary?: z.infer<typeof primary>
  activation?: z.infer<typeof activation>
  baseline?: string
}

/** The report keys read here (the generic tables leave them out). */
export const DRAWN_KEYS: ReadonlySet<string> = new Set(['roc', 'baseline_roc', 'lift', 'baseline_lift', 'calibration', 'fairness', 'importance', 'primary', 'activation', 'baseline', 'fitted', 'importance_method'])

const read = <T>(schema: z.ZodType<T>, v: unknown): T | undefined => {
  const r = schema.safeParse(v)
  return r.success ? r.data : undefined
}

export function reportParts(report: Record<string, unknown>): ReportParts {
  const out: ReportParts = {}
  const set = <K extends keyof ReportParts>(k: K, v: ReportParts[K] | undefined) => {
    if (v !== undefined && (!Array.isArray(v) || v.length > 0)) out[k] = v
  }
  set('roc', read(z.array(rocPoint), report.roc))
  set('baselineRoc', read(z.array(rocPoint), report.baseline_roc))
  set('lift', read(z.array(liftRow), report.lift))
  set('baselineLift', read(z.array(liftRow), report.baseline_lift))
  set('calibration', read(z.array(calibrationBin), report.calibration))
  set('fairness', read(fairness, report.fairness))
  set('importance', read(importance, report.importance))
  set('primary', read(primary, report.primary))
  set('activation', read(activation, report.activation))
  if (typeof report.baseline === 'string') out.baseline = report.baseline
  return out
}
