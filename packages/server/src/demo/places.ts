import type { Rng } from '@rapport/ml'
import { between, pick } from './sampling.ts'

/** Cities the demo customers live in, with a relative weight, and the phone format of their country. */

export interface City {
  city: string
  /** The romanised name, kept in attributes so English-only filters still find Chinese cities. */
  cityEn: string
  region: string
  country: 'CN' | 'GB' | 'US' | 'AU' | 'CA'
  weight: number
  /** Area codes for landlines/mobiles where the format needs one. */
  areaCodes?: readonly string[]
}

export const CHINESE_CITIES: readonly City[] = [
  { city: '上海', cityEn: 'Shanghai', region: '上海', country: 'CN', weight: 16 },
  { city: '北京', cityEn: 'Beijing', region: '北京', country: 'CN', weight: 15 },
  { city: '深圳', cityEn: 'Shenzhen', region: '广东', country: 'CN', weight: 11 },
  { city: '广州', cityEn: 'Guangzhou', region: '广东', country: 'CN', weight: 10 },
  { city: '杭州', cityEn: 'Hangzhou', region: '浙江', country: 'CN', weight: 9 },
  { city: '成都', cityEn: 'Chengdu', region: '四川', country: 'CN', weight: 8 },
  { city: '南京', cityEn: 'Nanjing', region: '江苏', country: 'CN', weight: 6 },
  { city: '苏州', cityEn: 'Suzhou', region: '江苏', country: 'CN', weight: 5 },
  { city: '武汉', cityEn: 'Wuhan', region: '湖北', country: 'CN', weight: 6 },
  { city: '西安', cityEn: "Xi'an", region: '陕西', country: 'CN', weight: 5 },
  { city: '重庆', cityEn: 'Chongqing', region: '重庆', country: 'CN', weight: 5 },
  { city: '厦门', cityEn: 'Xiamen', region: '福建', country: 'CN', weight: 3 },
  { city: '青岛', cityEn: 'Qingdao', region: '山东', country: 'CN', weight: 3 },
  { city: '长沙', cityEn: 'Changsha', region: '湖南', country: 'CN', weight: 3 },
]

export const ENGLISH_CITIES: readonly City[] = [
  { city: 'London', cityEn: 'London', region: 'England', country: 'GB', weight: 14 },
  { city: 'Manchester', cityEn: 'Manchester', region: 'England', country: 'GB', weight: 5 },
  { city: 'Edinburgh', cityEn: 'Edinburgh', region: 'Scotland', country: 'GB', weight: 3 },
  { city: 'Bristol', cityEn: 'Bristol', region: 'England', country: 'GB', weight: 3 },
  { city: 'New York', cityEn: 'New York', region: 'NY', country: 'US', weight: 14, areaCodes: ['212', '347', '646', '718'] },
  { city: 'San Francisco', cityEn: 'San Francisco', region: 'CA', country: 'US', weight: 7, areaCodes: ['415', '628'] },
  { city: 'Los Angeles', cityEn: 'Los Angeles', region: 'CA', country: 'US', weight: 8, areaCodes: ['213', '310', '323'] },
  { city: 'Seattle', cityEn: 'Seattle', region: 'WA', country: 'US', weight: 5, areaCodes: ['206'] },
  { city: 'Chicago', cityEn: 'Chicago', region: 'IL', country: 'US', weight: 6, areaCodes: ['312', '773'] },
  { city: 'Boston', cityEn: 'Boston', region: 'MA', country: 'US', weight: 4, areaCodes: ['617'] },
  { city: 'Sydney', cityEn: 'Sydney', region: 'NSW', country: 'AU', weight: 8 },
  { city: 'Melbourne', cityEn: 'Melbourne', region: 'VIC', country: 'AU', weight: 7 },
  { city: 'Brisbane', cityEn: 'Brisbane', region: 'QLD', country: 'AU', weight: 3 },
  { city: 'Toronto', cityEn: 'Toronto', region: 'ON', country: 'CA', weight: 8, areaCodes: ['416', '647'] },
  { city: 'Vancouver', cityEn: 'Vancouver', region: 'BC', country: 'CA', weight: 5, areaCodes: ['604', '778'] },
  { city: 'Montreal', cityEn: 'Montreal', region: 'QC', country: 'CA', weight: 3, areaCodes: ['514'] },
]

const digits = (rng: Rng, n: number): string => {
  let s = ''
  for (let i = 0; i < n; i++) s += String(rng.int(10))
  return s
}

/**
 * A phone number in the local style. Outside China the numbers come from the ranges regulators reserve for
 * fiction (UK 07700 900xxx, North American 555-01xx, Australian 0491 570 xxx), so demo data never rings anyone.
 */
export function phoneNumber(rng: Rng, city: City): string {
  switch (city.country) {
    case 'CN':
      return `+86 1${pick(rng, ['35', '37', '38', '39', '50', '52', '58', '86', '88', '89'])} ${digits(rng, 4)} ${digits(rng, 4)}`
    case 'GB':
      return `+44 7700 900${digits(rng, 3)}`
    case 'US':
    case 'CA':
      return `+1 (${pick(rng, city.areaCodes ?? ['555'])}) 555-01${digits(rng, 2)}`
    case 'AU':
      return `+61 491 570 ${between(rng, 110, 159)}`
  }
}
