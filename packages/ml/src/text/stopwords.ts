import { CHINESE_NEGATORS } from './chinese-tokenizer.ts'
import { ENGLISH_NEGATORS } from './english-tokenizer.ts'

/**
 * Stop words for keywords and retrieval: function words that carry no topic. Our own short lists (English
 * articles, pronouns, auxiliaries, prepositions, conjunctions; Chinese particles, pronouns, conjunctions and
 * common verbs of being/having). Negators are deliberately absent: "not" matters for sentiment.
 */
export const ENGLISH_STOPWORDS: ReadonlySet<string> = new Set(
  `a an the and or but if then else so than too very just also only both either each every all any some such
  i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his himself she her hers
  herself it its itself they them their theirs themselves this that these those there here what which who whom
  whose when where why how am is are was were be been being have has had having do does did doing done will
  would shall should can could may might must of at by for with about against between into through during before
  after above below to from up down in out on off over under again further once as until while because per via
  i'm i've i'd i'll it's that's there's what's let's get got getting gets make made one ones please thanks thank
  hi hello yes ok okay still already yet now even ever much many more most other another same own really`.split(/\s+/),
)

export const CHINESE_STOPWORDS: ReadonlySet<string> = new Set(
  `的 了 和 是 在 就 都 而 及 与 着 或 一个 一些 没什么 我 你 他 她 它 我们 你们 他们 她们 它们 这 那 这个 那个
  这些 那些 这里 那里 之 也 还 又 把 被 让 给 对 向 从 到 为 以 于 上 下 中 里 吧 吗 呢 啊 呀 哦 嗯 么 啦 嘛 哈
  得 地 过 个 种 些 有 就是 还是 但是 但 而且 并且 因为 所以 如果 虽然 然后 可以 已经 一下 一样 自己 什么 怎么
  这样 那样 时候 今天 现在 其实 只是 还有 一点 一直 觉得 感觉 比较 真的 有点 这种 那种 其他 每 各 等 等等 哎 这家 那家 这次 那次 非常 很 太 挺 特别 十分`.split(/\s+/),
)

/** True for a stop word in either list (tokens are expected lower-cased). */
export function isStopword(token: string): boolean {
  return ENGLISH_STOPWORDS.has(token) || CHINESE_STOPWORDS.has(token)
}

const HAN_ONLY = /^\p{Script=Han}+$/u
const LETTER = /\p{L}/u

/**
 * Whether a token can be a keyword: not a stop word or negator, contains a letter, not negation-marked, and
 * long enough to mean something (two Han characters, or three other characters).
 */
export function isKeywordCandidate(token: string): boolean {
  if (isStopword(token) || !LETTER.test(token) || token.includes('_')) return false
  if (ENGLISH_NEGATORS.has(token) || CHINESE_NEGATORS.has(token)) return false
  return HAN_ONLY.test(token) ? [...token].length >= 2 : token.length >= 3
}
