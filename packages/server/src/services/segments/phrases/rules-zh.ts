import { comparatorOp, PREFIX_CMP_ZH, SUFFIX_CMP_ZH, SYMBOL_CMP } from './comparators.ts'
import { spanDays, spanZh } from './durations.ts'
import * as L from './leaf-builders.ts'
import { NUM_ZH, parseNumber } from './numbers.ts'
import type { PhraseRule } from './phrase-types.ts'
import { anyOf, regexRule } from './rule-kit.ts'

/** Chinese readings. The text is in matching form: Latin letters lower case, full-width signs half-width. */

const SP = String.raw`\s*`
const IN = '(?:内|以内|之内|里|中)'
const RECENT = '(?:在)?(?:过去|近|最近)(?:的)?'
/** What may follow a purchase verb used on its own ("30天内购买的客户"): not a category name. */
const ALONE = String.raw`(?=$|[\s,.;!?、]|的|和|并|且|或|客户|顾客|用户|会员|\d|过去|近|最近)`
const COUNT_VERB = '(?:下单|下过单|购买|购物|买|订购|消费)(?:了|过)?'
const COUNT_UNIT = '(?:次|笔|单|回)'
const AMOUNT_UNIT = '(?:元|块钱|块|rmb|人民币|¥)'

const days = (g: Record<string, string | undefined>, n: string, u: string) => spanDays(g[n], g[u], 'zh')
const count = (g: Record<string, string | undefined>) =>
  L.orderCount(comparatorOp(g.pre, g.post, 'zh'), g.num === undefined ? undefined : parseNumber(g.num, 'zh'))

const orderRules: PhraseRule[] = [
  // "下单至少2次", "购买超过3次", "下单2次以上", "下过3次单", "消费5次"
  regexRule(String.raw`${COUNT_VERB}(?:次数)?(?:为|是|在|达到)?${SP}(?:(?<pre>${PREFIX_CMP_ZH})${SP})?(?<num>${NUM_ZH})${SP}${COUNT_UNIT}(?:单)?(?<post>${SUFFIX_CMP_ZH})?`, count),
  // "下单次数超过3", "购买次数≥2"
  regexRule(String.raw`(?:下单|购买)次数(?:为|是|在)?${SP}(?:(?<pre>${PREFIX_CMP_ZH})${SP})?(?<num>${NUM_ZH})(?:次)?(?<post>${SUFFIX_CMP_ZH})?`, count),
  // "至少下单2次", "超过购买3次"
  regexRule(String.raw`(?<pre>${PREFIX_CMP_ZH})${SP}${COUNT_VERB}${SP}(?<num>${NUM_ZH})${SP}${COUNT_UNIT}(?<post>${SUFFIX_CMP_ZH})?`, count),
  // "至少2笔订单", "3个以上订单", "2次购买"
  regexRule(String.raw`(?:(?<pre>${PREFIX_CMP_ZH})${SP})?(?<num>${NUM_ZH})${SP}(?:次|笔|个|张)(?<post>${SUFFIX_CMP_ZH})?(?:的)?(?:订单|购买记录|购买|下单)`, count),
  // "订单数≥2", "订单数量超过3", "订单至少2个"
  regexRule(String.raw`(?:订单数量|订单数|订单量|订单)(?:为|是|在)?${SP}(?<pre>${PREFIX_CMP_ZH}|${SYMBOL_CMP})${SP}(?<num>${NUM_ZH})(?:个|笔|单)?(?<post>${SUFFIX_CMP_ZH})?`, count),
  regexRule(String.raw`(?:订单数量|订单数|订单量)(?:为|是)?${SP}(?<num>${NUM_ZH})(?:个|笔|单)?(?<post>${SUFFIX_CMP_ZH})?`, count),
  // "没有下单", "从未下过单", "未下单", "没有订单", "零订单"
  regexRule(String.raw`(?:(?:从未|从来没有?|从没有?|没有|没|未|无)(?:下过?单|下单过|订单|下过订单)|(?:零|0)(?:订单|单))`, () => L.orderCount('=', 0)),
  // "没有购买", "从未买过": a purchase only when no category could follow
  regexRule(String.raw`(?:从未|从来没有?|从没有?|没有|没|未|无)(?:购买|购物|买|消费)(?:过)?(?:东西)?${ALONE}`, () => L.orderCount('=', 0)),
  // "有下单", "下过单", "30天内下单的"
  regexRule(String.raw`(?:有过?(?:下单|订单|购买|消费)|下过单|下单过|下了单)`, () => L.orderCount('>=', 1)),
  regexRule(String.raw`(?:下单|购买|购物|买过|购买过)${ALONE}`, () => L.orderCount('>=', 1)),
]

const spendRules: PhraseRule[] = [
  // "消费超过500元", "近90天消费满1000", "累计消费至少¥200", "消费500元以上"
  regexRule(
    String.raw`(?:累计消费|总消费|消费总额|消费金额|消费额|购买金额|订单金额|订单总额|支付金额|实付金额|消费|花费|花了|花过)(?:了|过)?(?:金额)?(?:为|是|在|达到)?${SP}` +
    String.raw`(?:(?<pre>${PREFIX_CMP_ZH}|${SYMBOL_CMP})${SP})?(?:¥${SP})?(?<num>${NUM_ZH})${SP}${AMOUNT_UNIT}?(?<post>${SUFFIX_CMP_ZH})?`,
    (g) => L.orderSpend(comparatorOp(g.pre, g.post, 'zh'), g.num === undefined ? undefined : parseNumber(g.num, 'zh'))),
]

const LAST = '(?:最近一次|最后一次|上一次|上次|距上次|距离上次|距最近一次|距离最近一次)(?:下单|购买|消费|购物)(?:时间)?'
const lastOrderRules: PhraseRule[] = [
  // "最近一次下单在30天内", "上次购买在过去两周"
  regexRule(String.raw`${LAST}(?:在|是|于)?${SP}(?:过去|近|最近)?${spanZh('n', 'u')}${IN}?(?!以前|之前|前)`, (g) => L.lastOrder('within_last', days(g, 'n', 'u'))),
  // "最近一次下单在60天前", "上次下单超过60天", "距上次购买已超过三个月"
  regexRule(String.raw`${LAST}(?:在|是|于)?${SP}(?:已经?)?(?:超过|大于|多于|已超过)${SP}${spanZh('n', 'u')}(?:以前|之前|前)?`, (g) => L.lastOrder('more_than_ago', days(g, 'n', 'u'))),
  regexRule(String.raw`${LAST}(?:在|是|于)?${SP}${spanZh('n', 'u')}(?:以前|之前|前)`, (g) => L.lastOrder('more_than_ago', days(g, 'n', 'u'))),
  // "上次下单不到30天"
  regexRule(String.raw`${LAST}(?:在|是|于)?${SP}(?:不到|不足|少于|小于)${SP}${spanZh('n', 'u')}(?:以内|内)?`, (g) => L.lastOrder('within_last', days(g, 'n', 'u'))),
]

const windowRules: PhraseRule[] = [
  // "过去30天", "近三个月", "最近一周内", "近半年"
  regexRule(String.raw`${RECENT}${SP}${spanZh('n', 'u')}${IN}?`, (g) => L.timeWindow(days(g, 'n', 'u'))),
  // "30天内", "两周以内"
  regexRule(String.raw`${spanZh('n', 'u')}${IN}`, (g) => L.timeWindow(days(g, 'n', 'u'))),
  // "60天没有下单": a span right before a negation reads as a window too
  regexRule(String.raw`${spanZh('n', 'u')}(?=都?(?:没|未|无|不曾))`, (g) => L.timeWindow(days(g, 'n', 'u'))),
]

const signupRules: PhraseRule[] = [
  // "近30天注册", "30天内注册的", "过去一个月新注册"
  regexRule(String.raw`(?:${RECENT}${SP}${spanZh('n', 'u')}${IN}?|${spanZh('n2', 'u2')}${IN})(?:新)?注册`, (g) =>
    L.signedUp('within_last', g.u !== undefined ? days(g, 'n', 'u') : days(g, 'n2', 'u2'))),
  // "注册在30天内", "注册时间在过去30天"
  regexRule(String.raw`注册(?:时间|日期)?(?:在|于)?${SP}(?:过去|近|最近)?${spanZh('n', 'u')}${IN}?(?!前|以前|之前)`, (g) => L.signedUp('within_last', days(g, 'n', 'u'))),
  // "注册超过一年", "注册已满90天", "注册在90天前"
  regexRule(String.raw`注册(?:时间|日期)?(?:已经?)?(?:超过|满|大于|多于)${SP}${spanZh('n', 'u')}(?:以上)?`, (g) => L.signedUp('more_than_ago', days(g, 'n', 'u'))),
  regexRule(String.raw`注册(?:时间|日期)?(?:在|于)${SP}${spanZh('n', 'u')}(?:以前|之前|前)`, (g) => L.signedUp('more_than_ago', days(g, 'n', 'u'))),
  // "注册不到30天"
  regexRule(String.raw`注册(?:时间|日期)?(?:不到|不足|少于)${SP}${spanZh('n', 'u')}`, (g) => L.signedUp('within_last', days(g, 'n', 'u'))),
]

const THIS_WEEK = '(?:本周|这周|这个星期|本星期|这星期)'
const THIS_MONTH = '(?:本月|这个月|当月)'
const birthdayRules: PhraseRule[] = [
  // "生日在7天内", "生日在未来两周内"
  regexRule(String.raw`生日(?:在|是)?${SP}(?:未来|接下来|今后|之后)?(?:的)?${spanZh('n', 'u')}${IN}`, (g) => L.birthdayWithin(days(g, 'n', 'u'))),
  // "未来7天内过生日", "7天内生日"
  regexRule(String.raw`(?:未来|接下来|今后)?(?:的)?${spanZh('n', 'u')}${IN}(?:过)?生日`, (g) => L.birthdayWithin(days(g, 'n', 'u'))),
  // "本周生日", "生日在本周", "本月过生日"
  regexRule(String.raw`${THIS_WEEK}(?:过)?生日|生日(?:在|是)?${THIS_WEEK}`, () => L.birthdayWithin(7)),
  regexRule(String.raw`${THIS_MONTH}(?:过)?生日|生日(?:在|是)?${THIS_MONTH}`, () => L.birthdayWithin(30)),
]

const BAND_WORDS: Record<string, L.Band> = { 高: 'high', 较高: 'high', 偏高: 'high', 中: 'medium', 中等: 'medium', 一般: 'medium', 低: 'low', 较低: 'low', 偏低: 'low' }
const BANDS_ZH = `(?<b1>${anyOf(Object.keys(BAND_WORDS))})(?:(?:或|、|/|或者)(?<b2>${anyOf(Object.keys(BAND_WORDS))}))?`
const toBands = (g: Record<string, string | undefined>): L.Band[] =>
  [g.b1, g.b2].flatMap((b) => (b === undefined || BAND_WORDS[b] === undefined ? [] : [BAND_WORDS[b]]))

const CLV_WORDS = '(?:clv|ltv|客户价值|终身价值|价值)'
const predictionRules: PhraseRule[] = [
  // "高流失风险", "流失风险高", "流失风险为中或高", "易流失"
  regexRule(String.raw`${BANDS_ZH}(?:的)?流失(?:风险)?`, (g) => L.band('churn_band', toBands(g))),
  // A band right before a value word starts the next condition ("流失风险高或高价值"), so it is not taken.
  regexRule(String.raw`流失风险(?:等级)?(?:为|是|较)?${BANDS_ZH}(?!${SP}${CLV_WORDS})`, (g) => L.band('churn_band', toBands(g))),
  regexRule('(?:容易|易|可能会?|即将)流失', () => L.band('churn_band', ['high'])),
  // "高价值", "高CLV", "CLV高", "客户价值为中"
  regexRule(String.raw`${BANDS_ZH}${SP}${CLV_WORDS}`, (g) => L.band('clv_band', toBands(g))),
  regexRule(String.raw`${CLV_WORDS}(?:等级)?(?:为|是|较)?${SP}${BANDS_ZH}(?!的?流失)`, (g) => L.band('clv_band', toBands(g))),
]

const consentRules: PhraseRule[] = (['email', 'sms'] as const).flatMap((channel) => {
  const W = channel === 'email' ? '(?:营销)?(?:电子邮件|邮件|邮箱|e-?mail)' : '(?:营销)?(?:短信|短消息|sms)'
  const SEND = '(?:发送?|收到?|接收|接受|给他们发|向其发)?'
  const granted = () => L.consent(channel, 'is', 'granted')
  const notGranted = () => L.consent(channel, 'is_not', 'granted')
  return [
    // "可以发邮件", "可发短信", "允许发送营销邮件", "同意接收邮件", "同意短信"
    regexRule(String.raw`(?:可以|可|能够?|允许|同意|愿意)${SEND}${W}(?:营销)?`, granted),
    // "邮件同意", "短信授权", "订阅邮件"
    regexRule(String.raw`${W}(?:营销)?(?:同意|授权|许可|已同意|订阅用户|订阅)`, granted),
    regexRule(String.raw`(?:已?订阅了?)${W}`, granted),
    // "可以被短信联系", "可用邮件联系"
    regexRule(String.raw`(?:可以|可)(?:被|用|通过)?${W}联系`, granted),
    // "不能发邮件", "不同意短信", "没有邮件同意"
    regexRule(String.raw`(?:不可以|不可|不能够?|不允许|不同意|未同意|没有同意|没同意|不愿意)${SEND}${W}`, notGranted),
    regexRule(String.raw`(?:没有|无|未)${W}(?:同意|授权)`, notGranted),
    // "退订邮件", "拒收短信", "邮件同意已撤回"
    regexRule(String.raw`(?:已?退订了?|拒收|拒绝接收|拒绝|撤回了?)${W}(?:同意)?`, () => L.consent(channel, 'is', 'revoked')),
    regexRule(String.raw`${W}(?:同意)?(?:已撤回|已退订|被撤回)`, () => L.consent(channel, 'is', 'revoked')),
  ]
})

/** 女 / 男 alone only where no other word goes on ("女客户", "女的"), so 女装 is not a gender. */
const SEX_ALONE = String.raw`(?=的|客户|顾客|用户|会员|性|$|[^\p{Script=Han}])`
const genderRules: PhraseRule[] = [
  regexRule(`(?:女性|女士|女生|女${SEX_ALONE})`, () => L.gender('female')),
  regexRule(`(?:男性|男士|男生|男${SEX_ALONE})`, () => L.gender('male')),
]

export const CHINESE_RULES: PhraseRule[] = [
  ...orderRules, ...spendRules, ...lastOrderRules, ...windowRules, ...signupRules, ...birthdayRules,
  ...predictionRules, ...consentRules, ...genderRules,
]
