/**
 * Well-known cities in both scripts, so "Shanghai" finds a workspace that stores 上海 and 上海 one that stores
 * Shanghai, and country names in both languages with their ISO codes (customers.country holds the code).
 */
export interface CityName {
  zh: string
  en: string
  /** Other ways of writing it ("Xian", "NYC"). */
  aliases?: string[]
}

export const CITY_NAMES: readonly CityName[] = [
  { zh: '上海', en: 'Shanghai' },
  { zh: '北京', en: 'Beijing', aliases: ['Peking'] },
  { zh: '深圳', en: 'Shenzhen' },
  { zh: '广州', en: 'Guangzhou', aliases: ['Canton'] },
  { zh: '杭州', en: 'Hangzhou' },
  { zh: '成都', en: 'Chengdu' },
  { zh: '南京', en: 'Nanjing' },
  { zh: '武汉', en: 'Wuhan' },
  { zh: '重庆', en: 'Chongqing' },
  { zh: '天津', en: 'Tianjin' },
  { zh: '苏州', en: 'Suzhou' },
  { zh: '西安', en: "Xi'an", aliases: ['Xian'] },
  { zh: '长沙', en: 'Changsha' },
  { zh: '郑州', en: 'Zhengzhou' },
  { zh: '青岛', en: 'Qingdao' },
  { zh: '厦门', en: 'Xiamen' },
  { zh: '宁波', en: 'Ningbo' },
  { zh: '沈阳', en: 'Shenyang' },
  { zh: '大连', en: 'Dalian' },
  { zh: '昆明', en: 'Kunming' },
  { zh: '香港', en: 'Hong Kong' },
  { zh: '澳门', en: 'Macau', aliases: ['Macao'] },
  { zh: '台北', en: 'Taipei' },
  { zh: '伦敦', en: 'London' },
  { zh: '曼彻斯特', en: 'Manchester' },
  { zh: '巴黎', en: 'Paris' },
  { zh: '柏林', en: 'Berlin' },
  { zh: '纽约', en: 'New York', aliases: ['NYC', 'New York City'] },
  { zh: '洛杉矶', en: 'Los Angeles' },
  { zh: '旧金山', en: 'San Francisco' },
  { zh: '芝加哥', en: 'Chicago' },
  { zh: '多伦多', en: 'Toronto' },
  { zh: '温哥华', en: 'Vancouver' },
  { zh: '东京', en: 'Tokyo' },
  { zh: '大阪', en: 'Osaka' },
  { zh: '首尔', en: 'Seoul' },
  { zh: '新加坡', en: 'Singapore' },
  { zh: '悉尼', en: 'Sydney' },
  { zh: '墨尔本', en: 'Melbourne' },
]

/** Country names (matching form: lower case) by ISO 3166-1 alpha-2 code. "US" is matched in capitals only. */
export const COUNTRY_NAMES: Record<string, { en: string[]; zh: string[] }> = {
  CN: { en: ['china', 'mainland china', 'prc', "people's republic of china"], zh: ['中国大陆', '中国'] },
  GB: { en: ['uk', 'u.k.', 'united kingdom', 'great britain', 'britain'], zh: ['英国'] },
  US: { en: ['usa', 'u.s.a.', 'u.s.', 'us', 'united states', 'united states of america', 'america'], zh: ['美国'] },
  JP: { en: ['japan'], zh: ['日本'] },
  DE: { en: ['germany'], zh: ['德国'] },
  FR: { en: ['france'], zh: ['法国'] },
  CA: { en: ['canada'], zh: ['加拿大'] },
  AU: { en: ['australia'], zh: ['澳大利亚', '澳洲'] },
}

/** Lower-case words that are also country abbreviations: only their capitalised form names the country. */
export const CAPITALS_ONLY = new Set(['us'])
