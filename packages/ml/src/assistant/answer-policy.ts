/**
 * The chat assistant's confidence policy: answer from the knowledge base, ask one clarifying question, or
 * hand the conversation to a person. Pure and O(articles) per question; the thresholds come from
 * `sweepAnswerPolicy` + `pickAnswerPolicy` on labelled questions the models did not train on. The rules a
 * server adds on top (negative sentiment, "let me talk to a human") are not here.
 */

/** Per-article signals for one customer question (same article order in both arrays). */
export interface ArticleScores {
  /** The intent classifier's calibrated probability of each article. */
  probability: ArrayLike<number>
  /** BM25 score of each article's best-matching knowledge-base question; 0 when none shares a term. */
  retrieval: ArrayLike<number>
}

export interface AnswerPolicy {
  /** Answer only when the top article's probability is at least this. */
  minConfidence: number
  /**
   * ...and its retrieval score is at least this share of the best-retrieved article's (1 = retrieval must
   * agree with the classifier; 0 = retrieval is not consulted). Guards against answering an article whose
   * questions look nothing like the customer's.
   */
  minRetrievalShare: number
  /**
   * The top two are "close" when their probabilities differ by less than this; then, if together they reach
   * `minConfidence`, the assistant asks which of the two the customer means instead of answering. 0 never
   * clarifies.
   */
  clarifyMargin: number
}

export type HandOffReason = 'low_confidence' | 'weak_retrieval' | 'no_articles'

export type AnswerDecision =
  | { action: 'answer'; article: number; confidence: number }
  | { action: 'clarify'; articles: [number, number]; confidence: number }
  | { action: 'hand_off'; reason: HandOffReason }

/** Rows of the two most probable articles (-1 when absent); ties go to the lower row, so it is deterministic. */
function topTwo(p: ArrayLike<number>): [number, number] {
  let a = -1
  let b = -1
  for (let k = 0; k < p.length; k++) {
    const v = p[k]!
    if (a < 0 || v > p[a]!) {
      b = a
      a = k
    } else if (b < 0 || v > p[b]!) b = k
  }
  return [a, b]
}

/**
 * One decision. Closeness is checked first: when the two best articles are within `clarifyMargin` the
 * assistant cannot tell them apart, so it asks (if the pair is likely enough) rather than guess one.
 * Otherwise it answers when the top article is probable enough and retrieval does not contradict it.
 */
export function decideAnswer(scores: ArticleScores, policy: AnswerPolicy): AnswerDecision {
  const [a, b] = topTwo(scores.probability)
  if (a < 0) return { action: 'hand_off', reason: 'no_articles' }
  const p1 = scores.probability[a]!
  const p2 = b < 0 ? 0 : scores.probability[b]!
  if (b >= 0 && p1 - p2 < policy.clarifyMargin) {
    return p1 + p2 >= policy.minConfidence ? { action: 'clarify', articles: [a, b], confidence: p1 + p2 } : { action: 'hand_off', reason: 'low_confidence' }
  }
  if (p1 < policy.minConfidence) return { action: 'hand_off', reason: 'low_confidence' }
  if (policy.minRetrievalShare > 0) {
    let best = 0
    for (let k = 0; k < scores.retrieval.length; k++) if (scores.retrieval[k]! > best) best = scores.retrieval[k]!
    // No question sharing a term gives share 0: the knowledge base has nothing like this question.
    const share = best > 0 ? (scores.retrieval[a] ?? 0) / best : 0
    if (share < policy.minRetrievalShare) return { action: 'hand_off', reason: 'weak_retrieval' }
  }
  return { action: 'answer', article: a, confidence: p1 }
}

/** A question with its scores and the row of the article that truly answers it. */
export interface LabelledScores {
  scores: ArticleScores
  truth: number
}

/** How one policy does on a labelled set. Shares are of all questions; precisions are NaN when empty. */
export interface PolicyPoint {
  policy: AnswerPolicy
  questions: number
  /** Share answered, and the share of those answered with the true article. */
  answered: number
  precision: number
  /** Share asked to choose between two articles, and the share of those whose pair holds the true one. */
  clarified: number
  clarifyHit: number
  handedOff: number
  handOffReasons: Record<HandOffReason, number>
}

/** Evaluates each policy on the labelled questions. O(policies · questions · articles). */
export function sweepAnswerPolicy(items: readonly LabelledScores[], policies: readonly AnswerPolicy[]): PolicyPoint[] {
  const n = items.length
  return policies.map((policy) => {
    let answered = 0
    let right = 0
    let clarified = 0
    let hit = 0
    const reasons: Record<HandOffReason, number> = { low_confidence: 0, weak_retrieval: 0, no_articles: 0 }
    for (const it of items) {
      const d = decideAnswer(it.scores, policy)
      switch (d.action) {
        case 'answer':
          answered++
          if (d.article === it.truth) right++
          break
        case 'clarify':
          clarified++
          if (d.articles.includes(it.truth)) hit++
          break
        case 'hand_off':
          reasons[d.reason]++
          break
      }
    }
    const share = (c: number): number => (n > 0 ? c / n : Number.NaN)
    return {
      policy,
      questions: n,
      answered: share(answered),
      precision: answered > 0 ? right / answered : Number.NaN,
      clarified: share(clarified),
      clarifyHit: clarified > 0 ? hit / clarified : Number.NaN,
      handedOff: share(n - answered - clarified),
      handOffReasons: reasons,
    }
  })
}

/**
 * The default: the point answering the largest share among those whose precision is at least `minPrecision`
 * (a point answering nothing has no precision and never qualifies). Ties go to the higher precision, then
 * the stricter policy (higher minConfidence, then minRetrievalShare), then the earlier point. Undefined when
 * no point qualifies: the caller should then hand every question off.
 */
export function pickAnswerPolicy(curve: readonly PolicyPoint[], minPrecision = 0.95): PolicyPoint | undefined {
  let best: PolicyPoint | undefined
  for (const pt of curve) {
    if (!(pt.precision >= minPrecision)) continue
    if (
      !best ||
      pt.answered > best.answered ||
      (pt.answered === best.answered &&
        (pt.precision > best.precision ||
          (pt.precision === best.precision &&
            (pt.policy.minConfidence > best.policy.minConfidence ||
              (pt.policy.minConfidence === best.policy.minConfidence && pt.policy.minRetrievalShare > best.policy.minRetrievalShare)))))
    )
      best = pt
  }
  return best
}

/** Every combination of the given thresholds, minConfidence varying fastest. */
export function policyGrid(minConfidence: readonly number[], minRetrievalShare: readonly number[] = [0], clarifyMargin: readonly number[] = [0]): AnswerPolicy[] {
  const out: AnswerPolicy[] = []
  for (const m of clarifyMargin) for (const s of minRetrievalShare) for (const c of minConfidence) out.push({ minConfidence: c, minRetrievalShare: s, clarifyMargin: m })
  return out
}
