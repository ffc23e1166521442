import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { segmentNode, type SegmentLeaf } from '../../../domain/segment-tree.ts'
import { RapportError } from '../../../errors/rapport-error.ts'
import { MAX_PHRASE_LENGTH, parsePhrase, type PhraseVocabulary } from './parse-phrase.ts'

const VOCAB: PhraseVocabulary = {
  cities: ['上海', '北京', 'London'],
  categories: ['Coffee & Tea', '咖啡茶饮', 'Pet Supplies'],
  rfmSegments: ['Champions', 'At risk'],
  personas: ['Night-owl app shoppers'],
}

// ---- Expected leaves, spelled out once ------------------------------------------------------------------
const cities = (...value: string[]): SegmentLeaf => ({ type: 'profile', field: 'city', op: 'in', value })
const SHANGHAI = cities('上海', 'Shanghai')
const BEIJING = cities('北京', 'Beijing')
const LONDON = cities('伦敦', 'London')
const win = (days?: number) => (days === undefined ? {} : { window: { last_days: days } })
const orders = (op: string, value: number, days?: number): SegmentLeaf => ({ type: 'behaviour', source: 'orders', measure: 'count', op, value, ...win(days) })
const spend = (op: string, value: number, days?: number): SegmentLeaf => ({ type: 'behaviour', source: 'orders', measure: 'sum', field: 'total', op, value, ...win(days) })
const lastOrder = (op: 'within_last' | 'more_than_ago', value: number): SegmentLeaf => ({ type: 'behaviour', source: 'orders', measure: 'last_at', op, value })
const bought = (op: 'any' | 'all' | 'none', categories: string[], days?: number): SegmentLeaf => ({ type: 'product', op, categories, ...win(days) })
const band = (field: 'churn_band' | 'clv_band', ...v: string[]): SegmentLeaf =>
  v.length === 1 ? { type: 'prediction', field, op: 'is', value: v[0] } : { type: 'prediction', field, op: 'in', value: v }
const churn = (...v: string[]) => band('churn_band', ...v)
const clv = (...v: string[]) => band('clv_band', ...v)
const consent = (channel: 'email' | 'sms', value: 'granted' | 'revoked' = 'granted', op: 'is' | 'is_not' = 'is'): SegmentLeaf =>
  ({ type: 'consent', channel, purpose: 'marketing', op, value })
const gender = (value: 'female' | 'male'): SegmentLeaf => ({ type: 'profile', field: 'gender', op: 'is', value })
const country = (...codes: string[]): SegmentLeaf =>
  codes.length === 1 ? { type: 'profile', field: 'country', op: 'is', value: codes[0] } : { type: 'profile', field: 'country', op: 'in', value: codes }
const signup = (op: 'within_last' | 'more_than_ago', value: number): SegmentLeaf => ({ type: 'date', field: 'signup_at', op, value })
const birthday = (value: number): SegmentLeaf => ({ type: 'date', field: 'birth_date', op: 'anniversary_within_next', value })
const rfm = (value: string): SegmentLeaf => ({ type: 'prediction', field: 'rfm_segment', op: 'is', value })
const persona = (value: string): SegmentLeaf => ({ type: 'prediction', field: 'persona', op: 'is', value })

/** A phrase, the conditions its tree must hold (null: no tree) and exactly the unknown parts it reports. */
interface Case { text: string; conditions: SegmentLeaf[] | null; unknown?: string[] }

const EXAMPLE_EN = 'customers in Shanghai who ordered at least twice in the last 30 days with high churn risk and e-mail consent'
const EXAMPLE_ZH = '上海 过去30天 下单至少2次 流失风险高 可以发邮件'

const ENGLISH: Case[] = [
  { text: EXAMPLE_EN, conditions: [SHANGHAI, orders('>=', 2, 30), churn('high'), consent('email')] },
  { text: 'at most 1 order', conditions: [orders('<=', 1)] },
  { text: 'no orders in the last 60 days', conditions: [orders('=', 0, 60)] },
  { text: 'spent more than 500 in the last 90 days', conditions: [spend('>', 500, 90)] },
  { text: 'last ordered more than 60 days ago', conditions: [lastOrder('more_than_ago', 60)] },
  { text: 'last order was within the last 2 weeks', conditions: [lastOrder('within_last', 14)] },
  { text: "haven't ordered in more than 60 days", conditions: [lastOrder('more_than_ago', 60)] },
  { text: 'bought Coffee & Tea', conditions: [bought('any', ['Coffee & Tea'])] },
  { text: 'never bought Pet Supplies', conditions: [bought('none', ['Pet Supplies'])] },
  { text: 'bought Coffee & Tea or Pet Supplies', conditions: [bought('any', ['Coffee & Tea', 'Pet Supplies'])] },
  { text: 'bought coffee and tea and pet supplies', conditions: [bought('all', ['Coffee & Tea', 'Pet Supplies'])] },
  { text: 'bought Pet Supplies in the last 30 days', conditions: [bought('any', ['Pet Supplies'], 30)] },
  { text: 'Coffee & Tea buyers', conditions: [bought('any', ['Coffee & Tea'])] },
  { text: 'high value customers', conditions: [clv('high')] },
  { text: 'low CLV', conditions: [clv('low')] },
  { text: 'low or medium churn risk', conditions: [churn('low', 'medium')] },
  { text: 'likely to churn', conditions: [churn('high')] },
  { text: 'customers who may receive e-mail', conditions: [consent('email')] },
  { text: 'can be texted', conditions: [consent('sms')] },
  { text: 'unsubscribed from e-mails', conditions: [consent('email', 'revoked')] },
  { text: 'without SMS consent', conditions: [consent('sms', 'granted', 'is_not')] },
  { text: 'high-value women who can be e-mailed', conditions: [clv('high'), gender('female'), consent('email')] },
  { text: 'women in London', conditions: [gender('female'), LONDON] },
  { text: 'men from Beijing', conditions: [gender('male'), BEIJING] },
  { text: 'signed up in the last 30 days', conditions: [signup('within_last', 30)] },
  { text: 'joined more than a year ago', conditions: [signup('more_than_ago', 365)] },
  { text: 'birthday this week', conditions: [birthday(7)] },
  { text: 'birthday in the next 2 weeks', conditions: [birthday(14)] },
  { text: 'Champions in Beijing', conditions: [rfm('Champions'), BEIJING] },
  { text: 'at risk customers', conditions: [rfm('At risk')] },
  { text: 'Night-owl app shoppers with SMS consent', conditions: [persona('Night-owl app shoppers'), consent('sms')] },
  { text: 'customers in China', conditions: [country('CN')] },
  { text: 'customers in the UK with high CLV', conditions: [country('GB'), clv('high')] },
  { text: 'customers in the US who ordered 3+ times', conditions: [country('US'), orders('>=', 3)] },
  { text: 'ordered at least two times in the last three months and spent over $1,000', conditions: [orders('>=', 2, 90), spend('>', 1000, 90)] },
  { text: 'in the last 90 days ordered twice and spent more than 500', conditions: [orders('=', 2, 90), spend('>', 500, 90)] },
  { text: 'ordered more than 2 times in the last 12 months', conditions: [orders('>', 2, 360)] },
  { text: 'ordered twenty-one times', conditions: [orders('=', 21)] },
  { text: 'ordered thrice in the last two weeks', conditions: [orders('=', 3, 14)] },
  { text: 'made at least eleven purchases in the past year', conditions: [orders('>=', 11, 365)] },
  { text: 'ordered exactly once', conditions: [orders('=', 1)] },
  { text: 'placed fewer than 3 orders', conditions: [orders('<', 3)] },
  { text: 'with 2 or more orders', conditions: [orders('>=', 2)] },
  { text: 'order count >= 5', conditions: [orders('>=', 5)] },
  { text: 'customers who ordered in the last 30 days', conditions: [orders('>=', 1, 30)] },
  { text: 'purchased in the last week', conditions: [orders('>=', 1, 7)] },
  { text: 'spent at least ¥200 in total', conditions: [spend('>=', 200)] },
  { text: 'customers in London who last ordered in the last 30 days', conditions: [LONDON, lastOrder('within_last', 30)] },
  { text: 'Shanghai or Beijing customers', conditions: [{ type: 'profile', field: 'city', op: 'in', value: ['上海', 'Shanghai', '北京', 'Beijing'] }] },
  { text: 'customers not in Shanghai', conditions: [{ type: 'profile', field: 'city', op: 'not_in', value: ['上海', 'Shanghai'] }] },
  { text: 'excluding China', conditions: [{ type: 'profile', field: 'country', op: 'is_not', value: 'CN' }] },
  { text: 'in Paris or Berlin', conditions: [{ type: 'profile', field: 'city', op: 'in', value: ['巴黎', 'Paris', '柏林', 'Berlin'] }] },
  // Not understood, and said so:
  { text: 'customers who love jazz', conditions: null, unknown: ['love jazz'] },
  { text: 'customers who love jazz in Shanghai and own a dog', conditions: [SHANGHAI], unknown: ['love jazz', 'own', 'dog'] },
  { text: 'bought Garden Tools', conditions: null, unknown: ['Garden Tools'] },
  { text: 'customers in Shanghai, excluding those who bought Garden Tools', conditions: [SHANGHAI], unknown: ['excluding', 'Garden Tools'] },
  { text: 'high churn risk or high value', conditions: [churn('high'), clv('high')], unknown: ['or'] },
  { text: 'not high value', conditions: [clv('high')], unknown: ['not'] },
  { text: 'Shanghai customers with VIP status', conditions: [SHANGHAI], unknown: ['VIP status'] },
  { text: 'in the last 30 days', conditions: null, unknown: ['in the last 30 days'] },
  { text: 'ordered at least 2 times in the last 0 days', conditions: [orders('>=', 2)], unknown: ['in the last 0 days'] },
  { text: 'spent between 100 and 500', conditions: null, unknown: ['spent between 100', '500'] },
  { text: 'Pet Supplies', conditions: null, unknown: ['Pet Supplies'] },
]

const CHINESE: Case[] = [
  { text: EXAMPLE_ZH, conditions: [SHANGHAI, orders('>=', 2, 30), churn('high'), consent('email')] },
  { text: '下单至少2次', conditions: [orders('>=', 2)] },
  { text: '过去90天下单超过3次', conditions: [orders('>', 3, 90)] },
  { text: '60天内没有下单', conditions: [orders('=', 0, 60)] },
  { text: '60天没有下单', conditions: [orders('=', 0, 60)] },
  { text: '30天内没有购买', conditions: [orders('=', 0, 30)] },
  { text: '下单至少2次 近30天', conditions: [orders('>=', 2, 30)] },
  { text: '近一个月下单不少于3次', conditions: [orders('>=', 3, 30)] },
  { text: '过去一周下单超过十次', conditions: [orders('>', 10, 7)] },
  { text: '美国客户下单两次以上', conditions: [country('US'), orders('>=', 2)] },
  { text: '过去两周内下过单', conditions: [orders('>=', 1, 14)] },
  { text: '过去30天有下单的女性', conditions: [orders('>=', 1, 30), gender('female')] },
  { text: '下单一次', conditions: [orders('=', 1)] },
  { text: '过去二十天下单两次', conditions: [orders('=', 2, 20)] },
  { text: '订单数≥5', conditions: [orders('>=', 5)] },
  { text: '至少3笔订单', conditions: [orders('>=', 3)] },
  { text: '下单次数超过3', conditions: [orders('>', 3)] },
  { text: '近90天消费超过500元', conditions: [spend('>', 500, 90)] },
  { text: '过去三十天下单至少两次并且消费满一千元', conditions: [orders('>=', 2, 30), spend('>=', 1000, 30)] },
  { text: '近30天下单至少2次，消费超过500元，流失风险低', conditions: [orders('>=', 2, 30), spend('>', 500, 30), churn('low')] },
  { text: '近半年消费超过1万元', conditions: [spend('>', 10000, 183)] },
  { text: '近一百天消费超过两百元', conditions: [spend('>', 200, 100)] },
  { text: '过去一年消费不到100元', conditions: [spend('<', 100, 365)] },
  { text: '消费金额至少500元', conditions: [spend('>=', 500)] },
  { text: '消费了超过200块', conditions: [spend('>', 200)] },
  { text: '最近一次下单在30天内', conditions: [lastOrder('within_last', 30)] },
  { text: '最近一次下单在60天前', conditions: [lastOrder('more_than_ago', 60)] },
  { text: '上次购买超过三个月', conditions: [lastOrder('more_than_ago', 90)] },
  { text: '最近一次下单不到两周', conditions: [lastOrder('within_last', 14)] },
  { text: '买过咖啡茶饮', conditions: [bought('any', ['咖啡茶饮'])] },
  { text: '从未买过Pet Supplies', conditions: [bought('none', ['Pet Supplies'])] },
  { text: '没有购买过Pet Supplies', conditions: [bought('none', ['Pet Supplies'])] },
  { text: '买过咖啡茶饮或Pet Supplies', conditions: [bought('any', ['咖啡茶饮', 'Pet Supplies'])] },
  { text: '买过咖啡茶饮和Pet Supplies', conditions: [bought('all', ['咖啡茶饮', 'Pet Supplies'])] },
  { text: '最近30天买过咖啡茶饮', conditions: [bought('any', ['咖啡茶饮'], 30)] },
  { text: '咖啡茶饮买家', conditions: [bought('any', ['咖啡茶饮'])] },
  { text: '流失风险高', conditions: [churn('high')] },
  { text: '低流失风险', conditions: [churn('low')] },
  { text: '流失风险为中或高', conditions: [churn('medium', 'high')] },
  { text: '高价值客户', conditions: [clv('high')] },
  { text: '高CLV', conditions: [clv('high')] },
  { text: '高或中价值', conditions: [clv('high', 'medium')] },
  { text: '可以发邮件', conditions: [consent('email')] },
  { text: '同意短信', conditions: [consent('sms')] },
  { text: '可以被短信联系', conditions: [consent('sms')] },
  { text: '没有邮件同意', conditions: [consent('email', 'granted', 'is_not')] },
  { text: '退订短信', conditions: [consent('sms', 'revoked')] },
  { text: '女性', conditions: [gender('female')] },
  { text: '北京的男性客户', conditions: [BEIJING, gender('male')] },
  { text: '伦敦的高价值女性', conditions: [LONDON, clv('high'), gender('female')] },
  { text: '近30天注册', conditions: [signup('within_last', 30)] },
  { text: '过去七天内注册的男性客户', conditions: [signup('within_last', 7), gender('male')] },
  { text: '注册超过一年', conditions: [signup('more_than_ago', 365)] },
  { text: '生日在7天内', conditions: [birthday(7)] },
  { text: '本周生日', conditions: [birthday(7)] },
  { text: '生日在本月', conditions: [birthday(30)] },
  { text: '未来两周内过生日', conditions: [birthday(14)] },
  { text: '中国客户', conditions: [country('CN')] },
  { text: '美国或英国客户', conditions: [country('US', 'GB')] },
  { text: '冠军客户', conditions: [rfm('Champions')] },
  { text: '流失风险客户', conditions: [rfm('At risk')] },
  { text: '上海市的客户', conditions: [SHANGHAI] },
  { text: '上海或北京的客户', conditions: [{ type: 'profile', field: 'city', op: 'in', value: ['上海', 'Shanghai', '北京', 'Beijing'] }] },
  { text: '不在上海', conditions: [{ type: 'profile', field: 'city', op: 'not_in', value: ['上海', 'Shanghai'] }] },
  { text: '除了北京以外的客户', conditions: [{ type: 'profile', field: 'city', op: 'not_in', value: ['北京', 'Beijing'] }] },
  { text: '上海 高价值 同意短信', conditions: [SHANGHAI, clv('high'), consent('sms')] },
  // Not understood, and said so:
  { text: '喜欢爵士乐的客户', conditions: null, unknown: ['喜欢爵士乐'] },
  { text: '买过园艺工具', conditions: null, unknown: ['园艺工具'] },
  { text: '从未买过宠物用品', conditions: null, unknown: ['宠物用品'] },
  { text: '上海 喜欢狗 高价值', conditions: [SHANGHAI, clv('high')], unknown: ['喜欢狗'] },
  { text: '上海的顾客，喜欢猫，近30天消费至少300元', conditions: [SHANGHAI, spend('>=', 300, 30)], unknown: ['喜欢猫'] },
  { text: '流失风险高或高价值', conditions: [churn('high'), clv('high')], unknown: ['或'] },
  { text: '上海的VIP客户', conditions: [SHANGHAI], unknown: ['VIP'] },
  { text: '过去30天', conditions: null, unknown: ['过去30天'] },
  { text: '过去0天下单', conditions: [orders('>=', 1)], unknown: ['过去0天'] },
]

for (const [lang, cases] of [['en', ENGLISH], ['zh', CHINESE]] as const) {
  describe(`parsePhrase: ${lang === 'en' ? 'English' : 'Chinese'} phrases`, () => {
    test('the table holds at least 40 phrases, some with unknown words', () => {
      assert.ok(cases.length >= 40, `${cases.length} phrases`)
      assert.ok(cases.filter((c) => (c.unknown ?? []).length > 0).length >= 5)
    })

    for (const c of cases) {
      test(`"${c.text}" gives its expected tree and unknown words`, () => {
        const r = parsePhrase(c.text, VOCAB)
        assert.equal(r.lang, lang)
        assert.deepEqual(r.tree, c.conditions === null ? null : { type: 'all', conditions: c.conditions })
        assert.deepEqual(r.unknown, c.unknown ?? [])
      })
    }

    test('every tree produced passes segmentNode.parse unchanged', () => {
      for (const c of cases) {
        const { tree } = parsePhrase(c.text, VOCAB)
        if (tree !== null) assert.deepEqual(segmentNode.parse(tree), tree, c.text)
      }
    })
  })
}

describe('parsePhrase: recognised parts', () => {
  test('the English example maps each part to its condition, in input order', () => {
    assert.deepEqual(parsePhrase(EXAMPLE_EN, VOCAB).recognised, [
      { text: 'Shanghai', path: '$.conditions[0]' },
      { text: 'ordered at least twice', path: '$.conditions[1]' },
      { text: 'in the last 30 days', path: '$.conditions[1]' },
      { text: 'high churn risk', path: '$.conditions[2]' },
      { text: 'e-mail consent', path: '$.conditions[3]' },
    ])
  })

  test('the Chinese example maps each part to its condition, in input order', () => {
    assert.deepEqual(parsePhrase(EXAMPLE_ZH, VOCAB).recognised, [
      { text: '上海', path: '$.conditions[0]' },
      { text: '过去30天', path: '$.conditions[1]' },
      { text: '下单至少2次', path: '$.conditions[1]' },
      { text: '流失风险高', path: '$.conditions[2]' },
      { text: '可以发邮件', path: '$.conditions[3]' },
    ])
  })

  test('one window before two phrases is listed for both conditions it applies to', () => {
    const r = parsePhrase('in the last 90 days ordered twice and spent more than 500', VOCAB)
    assert.deepEqual(r.recognised.filter((x) => x.text === 'in the last 90 days').map((x) => x.path), ['$.conditions[0]', '$.conditions[1]'])
  })
})

describe('parsePhrase: vocabulary', () => {
  test('a city is matched with the spellings the workspace stores', () => {
    const vocab = { ...VOCAB, cities: ['上海市', 'SHANGHAI'] }
    assert.deepEqual(parsePhrase('customers in Shanghai', vocab).tree, { type: 'all', conditions: [{ type: 'profile', field: 'city', op: 'in', value: ['上海市', 'SHANGHAI'] }] })
    assert.deepEqual(parsePhrase('上海的客户', vocab).tree, { type: 'all', conditions: [{ type: 'profile', field: 'city', op: 'in', value: ['上海市', 'SHANGHAI'] }] })
  })

  test('a workspace city outside the built-in table is matched as stored, with op is', () => {
    const vocab = { ...VOCAB, cities: ['绍兴', 'Reading'] }
    assert.deepEqual(parsePhrase('绍兴的客户', vocab).tree, { type: 'all', conditions: [{ type: 'profile', field: 'city', op: 'is', value: '绍兴' }] })
    assert.deepEqual(parsePhrase('customers in reading', vocab).tree, { type: 'all', conditions: [{ type: 'profile', field: 'city', op: 'is', value: 'Reading' }] })
  })

  test('a category word is understood only when the workspace has that category', () => {
    assert.deepEqual(parsePhrase('从未买过宠物用品', VOCAB).unknown, ['宠物用品'])
    const withPets = { ...VOCAB, categories: [...VOCAB.categories, '宠物用品'] }
    const r = parsePhrase('从未买过宠物用品', withPets)
    assert.deepEqual(r.tree, { type: 'all', conditions: [bought('none', ['宠物用品'])] })
    assert.deepEqual(r.unknown, [])
  })

  test('RFM segments and personas missing from the vocabulary are not recognised', () => {
    const empty = { cities: [], categories: [], rfmSegments: [], personas: [] }
    const r = parsePhrase('Champions who are Night-owl app shoppers', empty)
    assert.equal(r.tree, null)
    // "shoppers" on its own is filler, like "customers".
    assert.deepEqual(r.unknown, ['Champions', 'Night-owl app'])
  })

  test('a phrase with "US" in lower case is not read as the United States', () => {
    assert.deepEqual(parsePhrase('customers who emailed us', VOCAB).unknown, ['emailed us'])
  })
})

describe('parsePhrase: language and limits', () => {
  test('any Chinese character makes the phrase Chinese; the caller may say otherwise', () => {
    assert.equal(parsePhrase('London 高价值', VOCAB).lang, 'zh')
    assert.equal(parsePhrase('high value', VOCAB).lang, 'en')
    assert.equal(parsePhrase('高价值', VOCAB, 'en').lang, 'en')
  })

  test('an empty phrase gives no tree and nothing unknown', () => {
    assert.deepEqual(parsePhrase('  ', VOCAB), { tree: null, unknown: [], lang: 'en', recognised: [] })
  })

  test('full-width digits and punctuation read like half-width ones', () => {
    assert.deepEqual(parsePhrase('过去３０天下单至少２次，可以发邮件', VOCAB).tree, { type: 'all', conditions: [orders('>=', 2, 30), consent('email')] })
  })

  test(`a phrase longer than ${MAX_PHRASE_LENGTH} characters is refused as validation_failed`, () => {
    assert.throws(() => parsePhrase('a'.repeat(MAX_PHRASE_LENGTH + 1), VOCAB), (e: unknown) => e instanceof RapportError && e.code === 'validation_failed')
  })
})

describe('parsePhrase: any input', () => {
  const FRAGMENTS = [
    'customers', 'in', 'Shanghai', '上海', 'ordered', 'at least', 'twice', '3', 'times', 'in the last', '30 days', 'and', 'or', 'not',
    'spent', 'more than', '500', 'high', 'churn risk', 'value', 'e-mail consent', 'bought', 'Coffee & Tea', 'Garden Tools', 'last ordered',
    'days ago', 'birthday', 'this week', '过去', '30天', '下单', '至少', '2次', '流失风险', '高', '可以发邮件', '买过', '咖啡茶饮', '没有', '的', '，',
    '近', '一个月', '消费', '超过', '元', '生日', '注册', '0', '99999', '的客户', '！', 'Champions', 'women', '女性', '中国', 'UK', 'us',
  ]
  const phrase = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6 })), { maxLength: 14 })
    .chain((parts) => fc.array(fc.constantFrom(' ', '', ', '), { minLength: parts.length, maxLength: parts.length }).map((seps) => parts.map((p, i) => p + (seps[i] ?? '')).join('')))

  test('never throws; trees pass the schema; unknown parts and paths come from the input and the tree', () => {
    fc.assert(fc.property(phrase, (text) => {
      const r = parsePhrase(text, VOCAB)
      if (r.tree !== null) segmentNode.parse(r.tree)
      for (const u of r.unknown) assert.ok(u.length > 0 && text.includes(u), `unknown ${JSON.stringify(u)} of ${JSON.stringify(text)}`)
      const count = r.tree !== null && r.tree.type === 'all' ? r.tree.conditions.length : 0
      for (const { path, text: t } of r.recognised) {
        const i = Number(/^\$\.conditions\[(\d+)\]$/.exec(path)?.[1])
        assert.ok(i >= 0 && i < count && text.includes(t), `${path} of ${JSON.stringify(text)}`)
      }
    }), { numRuns: 400, seed: 16 })
  })
})
