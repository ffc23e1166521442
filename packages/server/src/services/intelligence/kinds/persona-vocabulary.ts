/**
 * Words for a cluster's defining features, in English and Chinese: a feature whose cluster mean is far above
 * (or below) the overall mean becomes a phrase a marketer reads ("Loyal regulars / 忠实常客"). A feature with
 * no phrase for that direction cannot name a cluster (a low share of one category says little about who the
 * customers are). Category names come from the data, so their phrase is built from the name: "X lovers",
 * with the Chinese category name when the catalogue records one (products.attributes.category_zh).
 */
export interface Words {
  en: string
  'zh-CN': string
}

interface Entry {
  high?: Words
  low?: Words
}

const w = (en: string, zh: string): Words => ({ en, 'zh-CN': zh })

const FIXED: Record<string, Entry> = {
  recency_days: { high: w('Lapsed', '沉睡客户'), low: w('Recently active', '近期活跃') },
  frequency: { high: w('Loyal regulars', '忠实常客'), low: w('One-off buyers', '一次性买家') },
  orders_365d: { high: w('Loyal regulars', '忠实常客'), low: w('Quiet this year', '今年少购') },
  monetary: { high: w('Big spenders', '高消费客户'), low: w('Light spenders', '低消费客户') },
  avg_order_value: { high: w('Premium baskets', '大单买家'), low: w('Small baskets', '小额买家') },
  tenure_days: { high: w('Long-standing', '老客户'), low: w('Newcomers', '新客户') },
  mean_days_between_orders: { high: w('Occasional buyers', '偶尔购买'), low: w('Quick repeaters', '高频复购') },
  cancel_refund_rate: { high: w('Frequent returners', '常退换货') },
  events_view_90d: { high: w('Browsers', '浏览者'), low: w('Rarely browsing', '少浏览') },
  events_add_to_cart_90d: { high: w('Cart fillers', '加购达人') },
  events_email_open_90d: { high: w('E-mail readers', '邮件读者'), low: w('E-mail ignorers', '不读邮件') },
  events_email_click_90d: { high: w('E-mail clickers', '邮件点击者') },
  days_since_last_event: { high: w('Disengaged', '不再互动'), low: w('Engaged', '活跃互动') },
  reviews_count: { high: w('Reviewers', '评价达人') },
  reviews_mean_rating: { high: w('Happy reviewers', '好评客户'), low: w('Critical reviewers', '挑剔评价者') },
  tickets_count: { high: w('Support seekers', '常找客服') },
}

const CHANNEL_ZH: Record<string, string> = { web: '网站', app: 'App', store: '门店', marketplace: '电商平台', phone: '电话' }
const CHANNEL_EN: Record<string, string> = { web: 'Web', app: 'App', store: 'In-store', marketplace: 'Marketplace', phone: 'Phone' }

/** The phrase for `feature` moving in the direction of z, or undefined when it names nothing. */
export function featureWords(feature: string, z: number, categoryZh: ReadonlyMap<string, string> = new Map()): Words | undefined {
  if (feature.startsWith('category_share_')) {
    if (z <= 0) return undefined
    const cat = feature.slice('category_share_'.length)
    return w(`${cat} lovers`, `${categoryZh.get(cat) ?? cat}爱好者`)
  }
  if (feature.startsWith('channel_share_')) {
    if (z <= 0) return undefined
    const ch = feature.slice('channel_share_'.length)
    return w(`${CHANNEL_EN[ch] ?? ch} shoppers`, `${CHANNEL_ZH[ch] ?? ch}购物者`)
  }
  const entry = FIXED[feature]
  return z > 0 ? entry?.high : entry?.low
}
