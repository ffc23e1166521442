import { featureWords, type Words } from './persona-vocabulary.ts'

/** One feature of a cluster's profile: its mean in the cluster and overall, and the gap in overall SDs. */
export interface ProfileEntry {
  feature: string
  z: number
  mean: number
  overall_mean: number
}

export interface Persona extends Words {
  /** The 1–2 features the name was built from, largest |z| first. */
  defining: ProfileEntry[]
}

/** A feature must be this far from the mean (in SDs) to name a cluster; the second one, this far. */
const MIN_Z_FIRST = 0.3
const MIN_Z_SECOND = 0.5
const HAN = /\p{Script=Han}/u
const LATIN_WORDS = /^[a-z][a-z' -]*$/i

/**
 * A bilingual persona name per cluster, from its defining features (the 1–2 with the largest |z| that the
 * vocabulary has words for) and the top distinctive keyword of its customers' reviews in each language:
 * "Coffee & Tea lovers · Big spenders · “aroma”" / "咖啡茶饮爱好者·高消费客户·“香气”". A cluster near the
 * mean on every feature is "Everyday customers". Names are made unique (a further feature, then a number).
 */
export function namePersonas(
  profiles: ReadonlyArray<readonly ProfileEntry[]>,
  keywords: ReadonlyArray<readonly string[]>,
  categoryZh: ReadonlyMap<string, string> = new Map(),
): Persona[] {
  const candidates = profiles.map((profile) =>
    [...profile]
      .sort((a, b) => Math.abs(b.z) - Math.abs(a.z))
      .map((p) => ({ p, words: featureWords(p.feature, p.z, categoryZh) }))
      .filter((c): c is { p: ProfileEntry; words: Words } => c.words !== undefined),
  )
  const chosen = candidates.map((list) => {
    const out: Array<{ p: ProfileEntry; words: Words }> = []
    for (const c of list) {
      const need = out.length === 0 ? MIN_Z_FIRST : MIN_Z_SECOND
      if (Math.abs(c.p.z) < need || out.length === 2) break
      if (!out.some((o) => o.words.en === c.words.en)) out.push(c)
    }
    return out
  })
  const base = chosen.map((list) => (list.length === 0 ? [{ en: 'Everyday customers', 'zh-CN': '普通客户' }] : list.map((c) => c.words)))
  // Two clusters with the same words: add the next nameable feature of each, so the names tell them apart.
  const enOf = (ws: Words[]) => ws.map((x) => x.en).join(' · ')
  base.forEach((ws, i) => {
    if (base.some((other, j) => j !== i && enOf(other) === enOf(ws))) {
      const extra = candidates[i]?.find((c) => !ws.some((x) => x.en === c.words.en))
      if (extra) ws.push(extra.words)
    }
  })
  const names = base.map((ws, i) => {
    const kws = keywords[i] ?? []
    const en = kws.find((k) => LATIN_WORDS.test(k))
    const zh = kws.find((k) => HAN.test(k))
    return {
      en: [...ws.map((x) => x.en), ...(en ? [`“${en}”`] : [])].join(' · '),
      'zh-CN': [...ws.map((x) => x['zh-CN']), ...(zh ? [`“${zh}”`] : [])].join('·'),
    }
  })
  const seen = new Map<string, number>()
  return names.map((n, i) => {
    const count = (seen.get(n.en) ?? 0) + 1
    seen.set(n.en, count)
    const suffix = count > 1 ? ` (${count})` : ''
    return { en: n.en + suffix, 'zh-CN': n['zh-CN'] + suffix, defining: (chosen[i] ?? []).map((c) => c.p) }
  })
}
