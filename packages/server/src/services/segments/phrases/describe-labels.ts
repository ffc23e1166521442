import type { BehaviourSource, PredictionField } from '../../../domain/segment-tree.ts'

/** Names of the tree's fields and values as a marketer reads them, in English and Simplified Chinese. */
export type DescribeLang = 'en' | 'zh-CN'
export interface Words { en: string; 'zh-CN': string }
const w = (en: string, zh: string): Words => ({ en, 'zh-CN': zh })

export const PROFILE_FIELD: Record<string, Words> = {
  external_id: w('Customer ID', '客户编号'), name: w('Name', '姓名'), email: w('E-mail', '邮箱'), phone: w('Phone', '电话'),
  city: w('City', '城市'), region: w('Region', '地区'), country: w('Country', '国家'), gender: w('Gender', '性别'),
}

export const DATE_FIELD: Record<string, Words> = {
  signup_at: w('Signup date', '注册日期'), birth_date: w('Birth date', '出生日期'), created_at: w('Record created', '记录创建日期'),
}
/** What an anniversary of each date is called ("Birthday is within the next 7 days"). */
export const ANNIVERSARY: Record<string, Words> = {
  signup_at: w('Signup anniversary', '注册周年日'), birth_date: w('Birthday', '生日'), created_at: w('Anniversary of the record', '记录周年日'),
}

export const GENDER_VALUE: Record<string, Words> = {
  female: w('female', '女性'), male: w('male', '男性'), other: w('other', '其他'), unknown: w('unknown', '未知'),
}

export const CHANNEL: Record<string, Words> = { email: w('E-mail', '邮件'), sms: w('SMS', '短信') }
export const CONSENT_STATE: Record<string, Words> = { granted: w('granted', '已同意'), revoked: w('revoked', '已撤回'), unknown: w('unknown', '未记录') }

/** Rows of each source, counted ("Orders") and as the thing a date belongs to ("order"). */
export const SOURCE: Record<BehaviourSource, { rows: Words; one: Words }> = {
  orders: { rows: w('Orders', '订单数'), one: w('order', '订单') },
  order_lines: { rows: w('Order lines', '订单明细数'), one: w('order line', '订单明细') },
  events: { rows: w('Events', '事件数'), one: w('event', '事件') },
  reviews: { rows: w('Reviews', '评价数'), one: w('review', '评价') },
  tickets: { rows: w('Tickets', '工单数'), one: w('ticket', '工单') },
}
export const MEASURE_FIELD: Record<string, Words> = {
  total: w('order value', '订单金额'), quantity: w('quantity', '数量'), revenue: w('revenue', '收入'), rating: w('rating', '评分'),
}
export const AGGREGATE: Record<string, Words> = {
  sum: w('Total', '合计'), avg: w('Average', '平均值'), min: w('Lowest', '最低值'), max: w('Highest', '最高值'),
}
export const FILTER_KEY: Record<string, Words> = {
  status: w('status', '状态'), channel: w('channel', '渠道'), category: w('category', '品类'), product_ids: w('products', '商品'),
  event_type: w('type', '类型'), priority: w('priority', '优先级'), sentiment: w('sentiment', '情感'),
}

export const PREDICTION_FIELD: Record<PredictionField, Words> = {
  churn_score: w('Churn score', '流失分数'), churn_band: w('Churn risk band', '流失风险等级'), clv: w('Predicted CLV', '预测CLV'),
  clv_band: w('CLV band', 'CLV等级'), p_alive: w('Probability still active', '仍活跃概率'), expected_orders: w('Expected orders', '预期订单数'),
  rfm_segment: w('RFM segment', 'RFM分层'), cluster: w('Cluster', '聚类'), persona: w('Persona', '画像'),
  next_category: w('Predicted next category', '预测下一品类'), next_category_probability: w('Probability of buying next', '下次购买概率'),
  recommended_category: w('Recommended category', '推荐品类'),
}
export const BAND_VALUE: Record<string, Words> = { low: w('low', '低'), medium: w('medium', '中'), high: w('high', '高') }

export const GROUP: Record<'all' | 'any' | 'not', Words> = { all: w('all of', '同时满足'), any: w('any of', '满足任一'), not: w('not', '不满足') }
