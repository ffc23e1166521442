import { comparatorOp, PREFIX_CMP_EN, SUFFIX_CMP_EN, SYMBOL_CMP } from './comparators.ts'
import { spanDays, spanEn } from './durations.ts'
import * as L from './leaf-builders.ts'
import { MULTIPLE_EN, NUM_EN, parseEnglishNumber } from './numbers.ts'
import type { PhraseRule } from './phrase-types.ts'
import { anyOf, B, E, regexRule } from './rule-kit.ts'

/** English readings. The text is in matching form (lower case); see rule-kit.ts for B / E. */

const S = String.raw`\s+`
const CURRENCY = String.raw`(?:[$¥€£]|rmb|cny|usd|eur|gbp|yuan|dollars?|euros?|pounds?)`
/** What may follow a verb used on its own ("customers who ordered", "ordered in the last 30 days"). */
const ALONE = String.raw`(?=\s*(?:$|[,;.!?]|(?:in|within|during|over|for|and|with|who|or|but|since|at|from)${E}))`
const NOT = String.raw`(?:(?:has|have|had|did|do|does)${S}not|(?:has|have|had|did|do|does)n't|not|never)`
const LAST_WINDOW = (n: string, u: string) => String.raw`(?:(?:in|within|during|over|from)${S})?(?:the${S})?(?:last|past|previous)${S}${spanEn(n, u)}${E}`

const days = (g: Record<string, string | undefined>, n: string, u: string) => spanDays(g[n], g[u], 'en')
const count = (g: Record<string, string | undefined>) => {
  const num = g.num ?? g.mult
  return L.orderCount(comparatorOp(g.pre, g.post ?? g.post2 ?? g.plus, 'en'), num === undefined ? undefined : parseEnglishNumber(num))
}

const orderRules: PhraseRule[] = [
  // "ordered at least twice", "placed more than 3 orders", "bought 2 or more times", "ordered 3+ times"
  regexRule(
    String.raw`${B}(?:ordered|purchased|bought|shopped|placed|made)${S}(?:(?<pre>${PREFIX_CMP_EN})\s*)?` +
    String.raw`(?:(?<mult>${MULTIPLE_EN})|(?<num>${NUM_EN})(?<plus>\+)?(?:${S}(?<post2>${SUFFIX_CMP_EN}))?${S}(?:times?|orders?|purchases?))(?:${S}(?<post>${SUFFIX_CMP_EN}))?${E}`,
    count),
  // "at least 2 orders", "2 or more orders", "at most 1 order", "3+ purchases"
  regexRule(
    String.raw`${B}(?:(?<pre>${PREFIX_CMP_EN})\s*)?(?<num>${NUM_EN})(?<plus>\+)?(?:${S}(?<post2>${SUFFIX_CMP_EN}))?${S}(?:orders?|purchases?)(?:${S}(?<post>${SUFFIX_CMP_EN}))?${E}`,
    count),
  // "orders >= 2", "order count is at least 3", "number of orders > 1"
  regexRule(
    String.raw`${B}(?:order${S}count|number${S}of${S}orders|orders?)${S}?(?:is${S})?(?<pre>${PREFIX_CMP_EN}|${SYMBOL_CMP})\s*(?<num>${NUM_EN})${E}`,
    count),
  // "no orders", "never ordered", "hasn't placed an order"
  regexRule(
    String.raw`${B}(?:(?:no|zero|0)${S}(?:orders|purchases)|without${S}(?:any${S})?(?:orders?|purchases?)|placed${S}no${S}orders|made${S}no${S}purchases|` +
    String.raw`${NOT}${S}(?:ordered|order|placed${S}an?${S}order|place${S}an?${S}order|made${S}a${S}purchase|make${S}a${S}purchase|bought${S}anything|ordered${S}anything))${E}`,
    () => L.orderCount('=', 0)),
  // "never purchased", "didn't buy": a purchase only when nothing that could be a category follows
  regexRule(String.raw`${B}${NOT}${S}(?:purchased|purchase|bought|buy|shopped)${E}${ALONE}`, () => L.orderCount('=', 0)),
  // "customers who ordered", "purchased in the last 30 days", "placed an order"
  regexRule(
    String.raw`${B}(?:ordered|purchased|bought|shopped|placed${S}an?${S}order|placed${S}orders|made${S}a${S}purchase|made${S}purchases|has${S}orders|have${S}orders)${E}${ALONE}`,
    () => L.orderCount('>=', 1)),
]

const spendRules: PhraseRule[] = [
  // "spent more than 500", "total spend over ¥1,000", "spending at least 200 yuan", "spent 500+"
  regexRule(
    String.raw`${B}(?:spent|spend|spends|spending|total${S}spend(?:ing)?|total${S}spent|lifetime${S}spend(?:ing)?|total${S}order${S}value)` +
    String.raw`(?:${S}(?:a${S}total${S}of|in${S}total|total|of))?\s*(?:(?<pre>${PREFIX_CMP_EN}|${SYMBOL_CMP})\s*)?(?:${CURRENCY}\s*)?(?<num>${NUM_EN})(?<plus>\+)?` +
    String.raw`(?:\s*${CURRENCY})?(?:${S}in${S}total)?(?:${S}(?<post>${SUFFIX_CMP_EN}))?${E}`,
    (g) => L.orderSpend(comparatorOp(g.pre, g.post ?? g.plus, 'en'), g.num === undefined ? undefined : parseEnglishNumber(g.num))),
]

const LAST_ORDER = String.raw`${B}(?:(?:their${S}|the${S})?(?:last|most${S}recent|latest)${S}(?:order|purchase)(?:${S}(?:was|is|date${S}(?:was|is)|placed))?|` +
  String.raw`last${S}(?:ordered|purchased|bought|shopped)|most${S}recently${S}(?:ordered|purchased))`

const lastOrderRules: PhraseRule[] = [
  // "last ordered more than 60 days ago", "last order was over 3 months ago"
  regexRule(String.raw`${LAST_ORDER}${S}(?:more${S}than|over|at${S}least|upwards${S}of)${S}${spanEn('n', 'u')}${S}ago${E}`,
    (g) => L.lastOrder('more_than_ago', days(g, 'n', 'u'))),
  // "last ordered less than 30 days ago", "last order within 2 weeks ago"
  regexRule(String.raw`${LAST_ORDER}${S}(?:less${S}than|under|fewer${S}than|within)${S}${spanEn('n', 'u')}${S}ago${E}`,
    (g) => L.lastOrder('within_last', days(g, 'n', 'u'))),
  // "last ordered in the last 30 days", "last purchase within the past week"
  regexRule(String.raw`${LAST_ORDER}${S}${LAST_WINDOW('n', 'u')}`, (g) => L.lastOrder('within_last', days(g, 'n', 'u'))),
  // "haven't ordered in more than 60 days": the last order (if any) is older than that
  regexRule(String.raw`${B}${NOT}${S}(?:ordered|order|purchased|purchase|bought|buy|shopped)(?:${S}anything)?${S}(?:in|for)${S}(?:more${S}than|over)${S}${spanEn('n', 'u')}${E}`,
    (g) => L.lastOrder('more_than_ago', days(g, 'n', 'u'))),
]

const windowRules: PhraseRule[] = [
  // "in the last 30 days", "over the past 3 months", "the last week", "last 2 weeks"
  regexRule(String.raw`${B}${LAST_WINDOW('n', 'u')}`, (g) => L.timeWindow(days(g, 'n', 'u'))),
  // "in 60 days", "within 30 days" (backwards, as windows are)
  regexRule(String.raw`${B}(?:in|within)${S}${spanEn('n', 'u')}${E}`, (g) => (g.n === undefined ? null : L.timeWindow(days(g, 'n', 'u')))),
]

const signupRules: PhraseRule[] = (() => {
  const SIGNED = String.raw`${B}(?:signed${S}up|sign-?ups?|signups?|joined|registered|became${S}(?:a${S})?(?:customers?|members?))`
  return [
    regexRule(String.raw`${SIGNED}${S}${LAST_WINDOW('n', 'u')}`, (g) => L.signedUp('within_last', days(g, 'n', 'u'))),
    regexRule(String.raw`${SIGNED}${S}within${S}${spanEn('n', 'u')}${E}`, (g) => (g.n === undefined ? null : L.signedUp('within_last', days(g, 'n', 'u')))),
    regexRule(String.raw`${SIGNED}${S}(?:more${S}than|over|at${S}least)${S}${spanEn('n', 'u')}${S}ago${E}`, (g) => L.signedUp('more_than_ago', days(g, 'n', 'u'))),
    regexRule(String.raw`${SIGNED}${S}(?:less${S}than|under|within)${S}${spanEn('n', 'u')}${S}ago${E}`, (g) => L.signedUp('within_last', days(g, 'n', 'u'))),
  ]
})()

const birthdayRules: PhraseRule[] = [
  // "birthday this week", "birthdays this month", "birthday in the next 10 days", "birthday within 7 days"
  regexRule(
    String.raw`${B}birthdays?(?:${S}(?:is|are|falls?|comes?|coming${S}up|coming))?${S}(?:(?<week>this${S}week)|(?<month>this${S}month)|` +
    String.raw`(?:in|within|during)${S}(?:the${S})?(?:next|coming|following)${S}${spanEn('n', 'u')}|(?:in|within)${S}${spanEn('n2', 'u2')})${E}`,
    (g) => L.birthdayWithin(g.week !== undefined ? 7 : g.month !== undefined ? 30 : g.u !== undefined ? days(g, 'n', 'u') : days(g, 'n2', 'u2'))),
]

const BANDS = String.raw`(?<b1>high|medium|moderate|mid|low)(?:\s*(?:or|and|/|,)\s*(?<b2>high|medium|moderate|mid|low))?`
const toBands = (g: Record<string, string | undefined>): L.Band[] =>
  [g.b1, g.b2].filter((b) => b !== undefined).map((b) => (b === 'high' ? 'high' : b === 'low' ? 'low' : 'medium'))

const predictionRules: PhraseRule[] = [
  // "high churn risk", "low or medium churn risk", "high risk of churn", "churn risk is high"
  regexRule(String.raw`${B}${BANDS}[-\s]+(?:churn(?:[-\s]+risk)?|risk${S}of${S}churn(?:ing)?)${E}`, (g) => L.band('churn_band', toBands(g))),
  regexRule(String.raw`${B}churn(?:${S}risk)?(?:${S}band)?${S}(?:is${S})?${BANDS}${E}`, (g) => L.band('churn_band', toBands(g))),
  regexRule(String.raw`${B}(?:(?:likely|about)${S}to${S}churn|at${S}(?:a${S})?(?:high${S})?risk${S}of${S}churn(?:ing)?)${E}`, () => L.band('churn_band', ['high'])),
  regexRule(String.raw`${B}unlikely${S}to${S}churn${E}`, () => L.band('churn_band', ['low'])),
  // "high value", "high-value", "low CLV", "high lifetime value", "CLV is high"
  regexRule(String.raw`${B}${BANDS}[-\s]+(?:value|clv|ltv|lifetime${S}value|customer${S}lifetime${S}value)${E}`, (g) => L.band('clv_band', toBands(g))),
  regexRule(String.raw`${B}(?:clv|ltv|lifetime${S}value)(?:${S}band)?${S}(?:is${S})?${BANDS}${E}`, (g) => L.band('clv_band', toBands(g))),
]

const consentRules: PhraseRule[] = (['email', 'sms'] as const).flatMap((channel) => {
  const W = channel === 'email' ? String.raw`(?:marketing${S})?(?:e-?mails?|newsletters?|the${S}newsletter)` : String.raw`(?:marketing${S})?(?:sms(?:${S}messages)?|texts?|text${S}messages?)`
  const NOUN = channel === 'email' ? String.raw`(?:marketing${S})?(?:e-?mail|newsletter)(?:${S}marketing)?` : String.raw`(?:marketing${S})?(?:sms|text(?:${S}message)?)(?:${S}marketing)?`
  const BY = channel === 'email' ? String.raw`(?:e-?mailed|contacted${S}by${S}e-?mail)` : String.raw`(?:texted|contacted${S}by${S}(?:sms|text))`
  const CAN_NOT = String.raw`(?:cannot|can't|can${S}not|may${S}not|must${S}not|should${S}not|do${S}not|don't|does${S}not|doesn't)`
  const granted = () => L.consent(channel, 'is', 'granted')
  return [
    regexRule(String.raw`${B}(?:may|can|could|will|agreed${S}to|consented${S}to|ok${S}to|okay${S}to|happy${S}to)${S}(?:receive|get|be${S}sent|accept)${S}${W}${E}`, granted),
    regexRule(String.raw`${B}(?:can|may)${S}be${S}${BY}${E}`, granted),
    regexRule(String.raw`${B}${NOUN}[-\s]+(?:consent|opt-?ins?|permission|subscribers?)(?:${S}(?:is${S})?granted)?${E}`, granted),
    regexRule(String.raw`${B}(?:opted[-\s]+in|subscribed)${S}(?:to|for)${S}${W}${E}`, granted),
    regexRule(String.raw`${B}(?:without|no|lacking|missing)${S}${NOUN}[-\s]+(?:consent|permission|opt-?in)${E}`, () => L.consent(channel, 'is_not', 'granted')),
    regexRule(String.raw`${B}${CAN_NOT}${S}(?:receive|get|be${S}sent)${S}${W}${E}`, () => L.consent(channel, 'is_not', 'granted')),
    regexRule(String.raw`${B}${CAN_NOT}${S}be${S}${BY}${E}`, () => L.consent(channel, 'is_not', 'granted')),
    regexRule(String.raw`${B}(?:unsubscribed|opted[-\s]+out)${S}(?:from|of)${S}${W}${E}`, () => L.consent(channel, 'is', 'revoked')),
    regexRule(String.raw`${B}(?:(?:revoked|withdrew|withdrawn)${S}(?:their${S})?${NOUN}${S}consent|${NOUN}${S}consent${S}(?:revoked|withdrawn))${E}`, () => L.consent(channel, 'is', 'revoked')),
  ]
})

const genderRules: PhraseRule[] = [
  regexRule(String.raw`${B}${anyOf(['women', 'woman', 'female', 'females', 'ladies', 'lady'])}${E}`, () => L.gender('female')),
  regexRule(String.raw`${B}${anyOf(['men', 'man', 'male', 'males', 'gentlemen'])}${E}`, () => L.gender('male')),
]

export const ENGLISH_RULES: PhraseRule[] = [
  ...orderRules, ...spendRules, ...lastOrderRules, ...windowRules, ...signupRules, ...birthdayRules,
  ...predictionRules, ...consentRules, ...genderRules,
]
