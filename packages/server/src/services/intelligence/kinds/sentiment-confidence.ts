import type { SentimentLabel } from '@rapport/ml'

/**
 * Confidence of a lexicon sentiment label, measured rather than assumed: the share of rated reviews with the
 * same predicted label and a similar |score| whose rating band (1–2 negative, 3 neutral, 4–5 positive)
 * agreed with it, smoothed towards ½ (add-one on agree / disagree). Cells: label × |score| bin. Without rated
 * reviews there is nothing to measure against, and the fallback is 0.5 + |score| / 2 (0.5 for neutral).
 */
export const SCORE_BIN_EDGES = [0.05, 0.15, 0.3, 0.5] as const
export const SENTIMENT_LABELS = ['negative', 'neutral', 'positive'] as const satisfies readonly SentimentLabel[]

export interface ConfidenceTable {
  edges: number[]
  /** Per label: [agree, total] per bin. */
  cells: Record<SentimentLabel, Array<[number, number]>>
}

export function scoreBin(score: number, edges: readonly number[] = SCORE_BIN_EDGES): number {
  const a = Math.abs(score)
  let b = 0
  while (b < edges.length && a >= (edges[b] as number)) b++
  return b
}

export function fitConfidenceTable(predicted: readonly SentimentLabel[], scores: ArrayLike<number>, truth: readonly SentimentLabel[]): ConfidenceTable {
  const empty = () => Array.from({ length: SCORE_BIN_EDGES.length + 1 }, (): [number, number] => [0, 0])
  const cells: ConfidenceTable['cells'] = { negative: empty(), neutral: empty(), positive: empty() }
  predicted.forEach((label, i) => {
    const cell = cells[label][scoreBin(scores[i] as number)] as [number, number]
    if (label === truth[i]) cell[0]++
    cell[1]++
  })
  return { edges: [...SCORE_BIN_EDGES], cells }
}

export function confidenceOf(table: ConfidenceTable | null, label: SentimentLabel, score: number): number {
  if (!table) return label === 'neutral' ? 0.5 : Math.min(1, 0.5 + Math.abs(score) / 2)
  const [agree, total] = table.cells[label][scoreBin(score, table.edges)] ?? [0, 0]
  return (agree + 1) / (total + 2)
}
