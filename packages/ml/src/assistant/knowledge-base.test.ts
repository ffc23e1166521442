import assert from 'node:assert/strict'
import { test } from 'node:test'
import { suggestAnswers } from '../text/answers.ts'
import { fitTextClassifier } from '../text/text-classifier.ts'
import { decideAnswer } from './answer-policy.ts'
import { buildKnowledgeBase, scoreArticles, type KbArticle } from './knowledge-base.ts'

const questions: Record<string, string[]> = {
  refund: ['i want a refund', 'how do i get my money back', 'refund my purchase please', 'request a refund now'],
  card_arrival: ['my card has not arrived', 'where is my new card', 'card still not delivered', 'when will my card come'],
  password: ['reset my password', 'i forgot my password', 'cannot log in password wrong', 'change my password'],
}
const texts: string[] = []
const labels: string[] = []
for (const [label, qs] of Object.entries(questions)) {
  for (let r = 0; r < 3; r++) {
    for (const q of qs) {
      texts.push(r ? `${q} ${'please '.repeat(r)}` : q)
      labels.push(label)
    }
  }
}
const clf = fitTextClassifier(texts, labels, { calibration: 0 })
// Articles in an order unlike the classifier's sorted labels, plus one the classifier has never seen.
const articles: KbArticle[] = [
  { id: 'refund', answer: 'Refunds take 5 days.', questions: questions.refund ?? [] },
  { id: 'opening_hours', answer: 'We are open 9 to 5.', questions: ['what are your opening hours'] },
  { id: 'password', answer: 'Use "forgot password".', questions: questions.password ?? [] },
  { id: 'card_arrival', answer: 'Cards arrive within a week.', questions: questions.card_arrival ?? [] },
]
const kb = buildKnowledgeBase(articles)

test('scores follow the articles, not the classifier’s label order', () => {
  const s = scoreArticles(kb, clf, 'I forgot my password')
  assert.equal(s.probability.length, 4)
  assert.equal(s.retrieval.length, 4)
  const p = Array.from(s.probability)
  assert.equal(p.indexOf(Math.max(...p)), 2)
  assert.equal(p[1], 0, 'an article the classifier does not know gets probability 0')
  assert.ok(Math.abs(p.reduce((a, b) => a + b, 0) - 1) < 1e-9)
  const r = Array.from(s.retrieval)
  assert.equal(r.indexOf(Math.max(...r)), 2)
  // Each article's retrieval score is its best question's BM25 score.
  const best = suggestAnswers(kb.index, 'I forgot my password', 1)[0]
  assert.ok(best)
  assert.equal(r[2], best.score)
  assert.deepEqual(decideAnswer(s, { minConfidence: 0.3, minRetrievalShare: 1, clarifyMargin: 0.05 }).action, 'answer')
})

test('a question sharing no term with the knowledge base retrieves nothing; duplicate ids are refused', () => {
  const s = scoreArticles(kb, clf, 'zzz qqq')
  assert.deepEqual(Array.from(s.retrieval), [0, 0, 0, 0])
  assert.deepEqual(decideAnswer(s, { minConfidence: 0, minRetrievalShare: 0.5, clarifyMargin: 0 }), { action: 'hand_off', reason: 'weak_retrieval' })
  assert.throws(() => buildKnowledgeBase([...articles, { id: 'refund', answer: 'x', questions: [] }]), /appears twice/)
})
