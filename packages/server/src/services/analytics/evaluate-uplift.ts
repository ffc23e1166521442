import { choiceName, crossValidateUplift, type UpliftChoice, type UpliftData, type UpliftFold } from '@rapport/ml'
import { at, InputError, UsageError } from '../../errors/rapport-error.ts'
import { labelledFromTable } from '../../features/labelled-table.ts'
import { columnIndex, type Table } from '../../io/read-table.ts'

/** Which rows are the experiment's arms and what they measured. */
export interface UpliftColumns {
  treatmentColumn: string
  /** Value of the treatment column marking treated rows, and the one marking control rows. */
  treated: string
  control: string
  /** 0/1 outcome column. */
  outcome: string
  /** Columns that are not features (ids, other outcomes). */
  drop: readonly string[]
}

export interface UpliftTable extends UpliftData {
  file: string
  outcome: string
  treated: number
  controls: number
  /** Rows left out, id columns skipped: said to the user, not silently done. */
  notes: string[]
}

/**
 * Turns a table into uplift inputs: keeps the rows whose treatment value is one of the two arms, checks the
 * outcome is 0/1 (a bad value is an input error naming file, line and column), and types every other column
 * not dropped as `eval classify` does (the same labelled-table loader).
 */
export function upliftDataFromTable(table: Table, c: UpliftColumns): UpliftTable {
  if (c.treated === c.control) throw new UsageError('--treatment and --control must be different values')
  const wi = columnIndex(table, c.treatmentColumn)
  const yi = columnIndex(table, c.outcome)
  if (wi === yi) throw new UsageError('--treatment-col and --outcome must be different columns')
  const treatmentName = table.columns[wi] as string
  const outcomeName = table.columns[yi] as string
  const keep: number[] = []
  const seen = new Set<string>()
  table.rows.forEach((r, i) => {
    const v = (r[wi] ?? '').trim()
    seen.add(v)
    if (v !== c.treated && v !== c.control) return
    const y = (r[yi] ?? '').trim()
    if (y !== '0' && y !== '1') throw new InputError(at(table.file, table.lines[i] ?? 0, outcomeName, `"${y}" is not 0 or 1`))
    keep.push(i)
  })
  for (const [flag, value] of [['--treatment', c.treated], ['--control', c.control]] as const) {
    if (!seen.has(value)) throw new UsageError(`${flag} ${value}: ${treatmentName} never takes that value; values are: ${[...seen].slice(0, 20).join(', ')}`)
  }
  const rows = keep.map((i) => table.rows[i] as string[])
  const notes: string[] = []
  if (keep.length < table.rows.length) notes.push(`${table.file}: ${table.rows.length - keep.length} rows in neither arm (${treatmentName} not ${c.treated} or ${c.control}) left out`)
  const sub: Table = { file: table.file, columns: table.columns, rows, lines: keep.map((i) => table.lines[i] as number) }
  const labelled = labelledFromTable(sub, outcomeName, '1', [treatmentName, ...c.drop])
  notes.push(...labelled.notes.filter((n) => !n.startsWith('positive class')))
  const treatment = Float64Array.from(rows, (r) => ((r[wi] ?? '').trim() === c.treated ? 1 : 0))
  const treated = treatment.reduce((a, b) => a + b, 0)
  const positives = labelled.y.reduce((a, b) => a + b, 0)
  if (positives === 0 || positives === rows.length) throw new InputError(`${table.file}: ${outcomeName}: every kept row has the same outcome; uplift needs both 0 and 1`)
  return { file: table.file, outcome: outcomeName, frame: labelled.frame, y: labelled.y, treatment, schema: labelled.schema, treated, controls: rows.length - treated, notes }
}

export interface EvaluateUpliftOptions {
  folds: number
  seed: number
  /** A fixed learner, or 'auto' (the inner-CV winner on each outer fold's training rows). */
  learner: UpliftChoice | 'auto'
  /** Under 'auto', also weigh the average of each pair of learners. Default true. */
  pairs?: boolean
  /** gbdt boosting rounds (default the library's 200). */
  trees?: number
  onFold?: (fold: number, folds: number) => void
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length
const sd = (xs: number[]): number => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)))

/**
 * Stratified (treatment × outcome) k-fold evaluation of an uplift learner: per-fold and mean normalised Qini
 * AUC and uplift@30 % of out-of-fold scores. Under 'auto' the learner is picked inside each training fold, so
 * the test folds never choose it.
 */
export function evaluateUplift(data: UpliftTable, o: EvaluateUpliftOptions) {
  if (!Number.isInteger(o.folds) || o.folds < 2) throw new UsageError('--folds must be an integer >= 2')
  const strata = new Set(Array.from(data.y, (y, i) => 2 * (data.treatment[i] as number) + y))
  const smallest = Math.min(data.treated, data.controls)
  if (smallest < 2 * o.folds) throw new InputError(`${data.file}: one arm has ${smallest} rows; ${o.folds}-fold uplift evaluation needs at least ${2 * o.folds} in each`)
  const cv = crossValidateUplift(data, {
    folds: o.folds,
    seed: o.seed,
    learner: o.learner,
    ...(o.pairs !== undefined ? { pairs: o.pairs } : {}),
    ...(o.trees !== undefined ? { classifier: { gbdt: { nTrees: o.trees } } } : {}),
    clock: () => performance.now() / 1000,
    ...(o.onFold ? { onFold: o.onFold } : {}),
  })
  const perFold = cv.folds.map(foldSummary)
  const metric = (k: 'qini_auc' | 'uplift_at_30' | 'uplift_at_30_by_group'): number[] => perFold.map((f) => f[k])
  return {
    result: {
      outcome: data.outcome,
      rows: data.frame.nRows,
      treated_rows: data.treated,
      control_rows: data.controls,
      strata: strata.size,
      features: data.frame.columns.length,
      folds: o.folds,
      seed: o.seed,
      learner: o.learner === 'auto' ? 'auto' : choiceName(o.learner),
      mean: { qini_auc: mean(metric('qini_auc')), uplift_at_30: mean(metric('uplift_at_30')), uplift_at_30_by_group: mean(metric('uplift_at_30_by_group')) },
      std: { qini_auc: sd(metric('qini_auc')), uplift_at_30: sd(metric('uplift_at_30')) },
      per_fold: perFold,
      fit_seconds: mean(perFold.map((f) => f.fit_seconds)),
    },
    oof: cv.oof,
  }
}

function foldSummary(f: UpliftFold) {
  return {
    fold: f.fold + 1,
    rows: f.test.length,
    learner: choiceName(f.choice),
    qini_auc: f.qiniAuc,
    uplift_at_30: f.upliftAt30,
    uplift_at_30_by_group: f.upliftAt30ByGroup,
    fit_seconds: f.fitSeconds,
    ...(f.inner ? { inner_qini_auc: Object.fromEntries(f.inner.map((c) => [choiceName(c.choice), c.qiniAuc])) } : {}),
  }
}
