import * as L from './leaf-builders.ts'
import type { Candidate, PhraseInput, PhraseRule } from './phrase-types.ts'
import { anyOf, B, E } from './rule-kit.ts'
import { categoryListAt } from './vocabulary-rules.ts'

/**
 * "bought Coffee & Tea", "never bought Pet Supplies", "买过咖啡茶饮或宠物用品": a purchase verb followed by the
 * workspace's categories. A verb followed by anything else is offered as a bare verb, so the words after
 * it are reported as an unknown category instead of vanishing.
 */

const NEG_EN = ['never', 'not', 'has not', 'have not', 'had not', "hasn't", "haven't", "hadn't"]
const NEG_PRESENT_EN = ['did not', "didn't", 'do not', "don't", 'does not', "doesn't", 'never']
const POS_EN = ['bought', 'purchased', 'ordered', 'shopped for', 'shopped in', 'shopped', 'bought from', 'purchased from', 'ordered from', 'buyers of', 'purchasers of']
const NEGATIVE_EN = [
  ...NEG_EN.flatMap((n) => ['bought', 'purchased', 'ordered', 'shopped for', 'shopped in', 'bought from', 'purchased from', 'ordered from'].map((v) => `${n} ${v}`)),
  ...NEG_PRESENT_EN.flatMap((n) => ['buy', 'purchase', 'order', 'shop for', 'shop in', 'buy from', 'order from'].map((v) => `${n} ${v}`)),
]
const POS_ZH = ['购买过', '购买了', '购买', '买过', '买了', '购入过', '购入', '下单过', '下单了', '买']
const NEGATIVE_ZH = ['从未买过', '从来没买过', '从没买过', '没买过', '没有买过', '未买过', '从未购买过', '从未购买', '没有购买过', '没购买过',
  '未购买过', '未购买', '没有购买', '从未下单过', '没有下单过', '不买']

const verbs = (lang: 'en' | 'zh') => {
  const negative = new RegExp(lang === 'en' ? `${B}${anyOf(NEGATIVE_EN)}${E}` : anyOf(NEGATIVE_ZH), 'gu')
  const positive = new RegExp(lang === 'en' ? `${B}${anyOf(POS_EN)}${E}` : anyOf(POS_ZH), 'gu')
  return { negative, positive }
}
const VERBS = { en: verbs('en'), zh: verbs('zh') }

/** Between the verb and the first category: "from", "any of", "过", … */
const LEAD = { en: /(?:\s+(?:from|in|any of|both|either|the|category|categories))*\s*/uy, zh: /(?:\s|过|了|的|品类|类目)*/uy }
const JOINER = { en: /\s*(?:,\s*(?:or\s+|and\s+)?|\s(?:or|and|nor)\s|\/)\s*/uy, zh: /\s*(?:、|,|\/|或者|或|和|及|与|以及)\s*/uy }
const AND = { en: /\band\b/u, zh: /和|及|与|以及/u }
/** After the list: "categories", "类商品", … */
const TAIL = { en: /(?:\s+(?:products?|items?|categor(?:y|ies)))?/uy, zh: /(?:类商品|类产品|品类|类目|商品|产品|类)?/uy }

function stickyEnd(re: RegExp, text: string, pos: number): number {
  const r = new RegExp(re.source, re.flags)
  r.lastIndex = pos
  const m = r.exec(text)
  return m === null ? pos : pos + m[0].length
}

export const productRule = (lang: 'en' | 'zh'): PhraseRule => (input: PhraseInput) => {
  const out: Candidate[] = []
  for (const [negated, re] of [[true, VERBS[lang].negative], [false, VERBS[lang].positive]] as const) {
    for (const m of input.text.matchAll(re)) {
      const verbEnd = m.index + m[0].length
      const list = categoryListAt(input.text, stickyEnd(LEAD[lang], input.text, verbEnd), input.vocab.categories, JOINER[lang], AND[lang])
      if (list === undefined) {
        out.push({ kind: 'verb', start: m.index, end: verbEnd, priority: -1 })
        continue
      }
      const op = negated ? 'none' : list.names.length > 1 && list.allAnd ? 'all' : 'any'
      out.push({ ...L.boughtCategories(op, list.names), start: m.index, end: stickyEnd(TAIL[lang], input.text, list.end), priority: 0 })
    }
  }
  return out
}

/** "Coffee & Tea buyers", "咖啡茶饮买家": the category first. */
export const categoryBuyersRule = (lang: 'en' | 'zh'): PhraseRule => (input) => {
  const out: Candidate[] = []
  const suffix = lang === 'en' ? /\s+(?:buyers|shoppers|purchasers)(?![\p{Script=Latin}\p{N}])/uy : /(?:的)?(?:买家|购买者|购买用户)/uy
  for (let pos = 0; pos < input.text.length; pos++) {
    const list = categoryListAt(input.text, pos, input.vocab.categories, JOINER[lang], AND[lang])
    if (list === undefined) continue
    const end = stickyEnd(suffix, input.text, list.end)
    if (end > list.end) out.push({ ...L.boughtCategories('any', list.names), start: pos, end, priority: 0 })
  }
  return out
}
