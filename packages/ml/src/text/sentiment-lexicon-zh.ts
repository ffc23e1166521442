import type { Tokenizer } from './tokenizer.ts'

/**
 * A small Chinese sentiment lexicon of our own for a cold start (reviews and service tickets: quality, price,
 * service, delivery, cleanliness). Weights in [-2, 2]. It is deliberately short and documented: use a trained
 * model as soon as labelled data exists.
 */
export const ZH_SENTIMENT: ReadonlyMap<string, number> = new Map([
  // positive
  ['好', 1], ['不错', 1.5], ['满意', 1.5], ['喜欢', 1.5], ['推荐', 1.5], ['值得', 1], ['干净', 1], ['舒适', 1], ['舒服', 1],
  ['方便', 1], ['快', 0.5], ['及时', 1], ['热情', 1.5], ['周到', 1.5], ['友好', 1], ['耐心', 1], ['专业', 1], ['实惠', 1],
  ['便宜', 0.5], ['划算', 1], ['超值', 1.5], ['完美', 2], ['优秀', 1.5], ['棒', 1.5], ['赞', 1.5], ['漂亮', 1], ['安静', 1],
  ['温馨', 1], ['感谢', 1], ['谢谢', 0.5], ['开心', 1.5], ['惊喜', 1.5], ['好吃', 1.5], ['新鲜', 1], ['宽敞', 1], ['整洁', 1],
  ['很好', 1.5], ['挺好', 1], ['优质', 1.5], ['靠谱', 1], ['高效', 1], ['放心', 1], ['愉快', 1.5], ['精致', 1], ['贴心', 1.5],
  // negative
  ['差', -1.5], ['很差', -2], ['太差', -2], ['不好', -1.5], ['糟糕', -2], ['失望', -2], ['后悔', -1.5], ['脏', -1.5], ['吵', -1],
  ['慢', -1], ['贵', -1], ['坑', -1.5], ['骗', -2], ['欺骗', -2], ['投诉', -1.5], ['退款', -0.5], ['破', -1], ['坏', -1.5],
  ['损坏', -1.5], ['态度差', -2], ['冷淡', -1.5], ['敷衍', -1.5], ['难吃', -1.5], ['异味', -1.5], ['潮湿', -1], ['简陋', -1],
  ['陈旧', -1], ['旧', -0.5], ['麻烦', -1], ['垃圾', -2], ['恶心', -2], ['生气', -1.5], ['不满', -1.5], ['问题', -0.5],
  ['故障', -1.5], ['延误', -1], ['迟到', -1], ['粗鲁', -2], ['不值', -1.5], ['噪音', -1], ['狭小', -1], ['一般', -0.5], ['难用', -1.5],
])

const NEGATORS = new Set(['不', '没', '没有', '无', '非', '未', '别', '不是', '不会', '并不', '从不', '毫无', '绝不', '不太', '不够'])
const DEGREE: ReadonlyMap<string, number> = new Map([
  ['很', 1.5], ['非常', 1.8], ['太', 1.8], ['特别', 1.6], ['十分', 1.6], ['超', 1.6], ['极', 2], ['极其', 2], ['相当', 1.4],
  ['真', 1.3], ['最', 1.8], ['有点', 0.6], ['有些', 0.6], ['稍微', 0.5], ['比较', 0.8], ['还算', 0.7], ['挺', 1.2],
])
const CLAUSE_END = /^[.,;:!?。，；：！？、\s]+$/u
const CONTRAST = new Set(['但', '但是', '可是', '不过', '然而'])

/**
 * Lexicon sentiment of Chinese text in [-1, 1]: the sum of word weights, a negator within the two words
 * before a sentiment word flips it (×−0.8, since "不太好" is milder than "差"), degree adverbs scale it, and
 * after a contrast word (但是, 不过) the rest of the text weighs 1.5×. The sum is squashed by s / √(s² + 4). O(tokens).
 * Tokens come from an unmarked segmentation (negation marking off), e.g. jieba.
 */
export function chineseLexiconScore(tokenizer: Tokenizer, text: string): number {
  const toks = tokenizer.tokenize(text)
  let sum = 0
  let contrast = 1
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!
    if (CLAUSE_END.test(t)) continue
    if (CONTRAST.has(t)) {
      contrast = 1.5
      continue
    }
    let w = ZH_SENTIMENT.get(t)
    if (w === undefined && t.length > 1 && NEGATORS.has(t[0]!) && ZH_SENTIMENT.has(t.slice(1))) {
      // jieba keeps some negated words whole ("不满意"): negate the rest of the word.
      w = -0.8 * ZH_SENTIMENT.get(t.slice(1))!
    }
    if (w === undefined) continue
    let v = w
    for (let k = 1; k <= 2 && i - k >= 0; k++) {
      const p = toks[i - k]!
      if (NEGATORS.has(p)) v *= -0.8
      else {
        const deg = DEGREE.get(p)
        if (deg !== undefined) v *= deg
      }
    }
    sum += v * contrast
  }
  return sum / Math.sqrt(sum * sum + 4)
}
