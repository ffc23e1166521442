/**
 * Item cold start on MovieLens-100k, used by bench/recommend.ts: 10% of the items (seeded) lose all their
 * interactions from training; each user's held-out ratings of those items are the relevant set, and models
 * rank only the cold items. Content TF-IDF over title words and genres (u.item) against a seeded random
 * ranking: the only other thing a recommender can do for items nobody has touched.
 */
import { readFileSync } from 'node:fs'
import { createRng, fitContentTfidf, rankingMetrics, topK, type Interactions, type RankingMetrics } from '@rapport/ml'

/** Title (year dropped) and genres of every item, in the index order of `itemIds`. */
export function loadItems(itemFile: string, genreFile: string, itemIds: string[]): Array<{ text: string; categories: string[] }> {
  const genres = readFileSync(genreFile, 'latin1').trim().split('\n').map((l) => l.split('|')[0] ?? '')
  const byId = new Map<string, { text: string; categories: string[] }>()
  for (const line of readFileSync(itemFile, 'latin1').trim().split('\n')) {
    const f = line.split('|')
    const flags = f.slice(5)
    byId.set(f[0] ?? '', {
      text: (f[1] ?? '').replace(/\(\d{4}\)\s*$/, ''),
      categories: genres.filter((_, g) => flags[g] === '1'),
    })
  }
  return itemIds.map((id) => byId.get(id) ?? { text: '', categories: [] })
}

export function coldStart(data: Interactions, items: Array<{ text: string; categories: string[] }>, seed = 42, k = 10): { content: RankingMetrics; random: RankingMetrics; coldItems: number } {
  const rng = createRng(seed)
  const cold = new Uint8Array(data.nItems)
  for (let i = 0; i < data.nItems; i++) cold[i] = rng.next() < 0.1 ? 1 : 0
  const trainMask = Array.from(data.items, (i) => !cold[i])
  const tr: Interactions = { ...data, users: data.users.filter((_, t) => trainMask[t]), items: data.items.filter((_, t) => trainMask[t]), values: data.values.filter((_, t) => trainMask[t]) }
  const relevant: Array<Set<number> | undefined> = []
  for (let t = 0; t < data.users.length; t++) {
    if (trainMask[t]) continue
    const u = data.users[t] ?? 0
    ;(relevant[u] ??= new Set()).add(data.items[t] ?? 0)
  }
  const model = fitContentTfidf(items, tr)
  const scores = new Float64Array(data.nItems)
  const recContent: Array<Int32Array | undefined> = []
  const recRandom: Array<Int32Array | undefined> = []
  for (let u = 0; u < relevant.length; u++) {
    if (!relevant[u]) continue
    model.scoreItems(u, scores)
    recContent[u] = topK(scores, k, (i) => !cold[i])
    for (let i = 0; i < scores.length; i++) scores[i] = rng.next()
    recRandom[u] = topK(scores, k, (i) => !cold[i])
  }
  return { content: rankingMetrics(recContent, relevant, k), random: rankingMetrics(recRandom, relevant, k), coldItems: cold.reduce((a, b) => a + b, 0) }
}
