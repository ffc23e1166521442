import { useQuery } from '@tanstack/react-query'
import { api } from '../../../lib/api/client.ts'
import type { Article, ArticlePage, ArticlePatch, ImportSummary, ListQuery, NewArticle, StoredArticle } from './kb-types.ts'

/** The knowledge base API (routes/knowledge.ts on the server), one function per call, and the query the editor uses. */
export const KB_KEY = ['knowledge'] as const
export const KB_LIST_KEY = [...KB_KEY, 'list'] as const
export const articleKey = (id: string | number) => [...KB_KEY, 'one', String(id)] as const

const path = (id: number | string) => ({ path: { id: String(id) } })

/** The ETag the server sent with the article; without it a change could overwrite someone else's silently. */
function stored(article: Article, response: Response): StoredArticle {
  const etag = response.headers.get('etag')
  if (!etag) throw new Error(`the server sent article ${article.id} without an ETag`)
  return { article, etag }
}

export type ListParams = Omit<ListQuery, 'limit' | 'sort'> & { limit: number; sort: string; cursor?: string }

export async function listArticles(q: ListParams): Promise<ArticlePage> {
  const query: ListQuery = { ...q, limit: String(q.limit), sort: q.sort as ListQuery['sort'] }
  const r = await api.GET('/api/v1/kb/articles', { params: { query } })
  return r.data as ArticlePage
}

export async function getArticle(id: string): Promise<StoredArticle> {
  const r = await api.GET('/api/v1/kb/articles/{id}', { params: path(id) })
  return stored(r.data as Article, r.response)
}

export async function createArticle(body: NewArticle): Promise<StoredArticle> {
  const r = await api.POST('/api/v1/kb/articles', { body })
  return stored(r.data as Article, r.response)
}

/** Refused with 412 (precondition_failed) when the article changed since `etag` was read. */
export async function updateArticle(id: number, etag: string, body: ArticlePatch): Promise<StoredArticle> {
  const r = await api.PATCH('/api/v1/kb/articles/{id}', { params: { ...path(id), header: { 'if-match': etag } }, body })
  return stored(r.data as Article, r.response)
}

export async function deleteArticle(id: number, etag: string): Promise<void> {
  await api.DELETE('/api/v1/kb/articles/{id}', { params: { ...path(id), header: { 'if-match': etag } } })
}

/**
 * Sends the file's text as the body (text/csv), all or nothing. The route declares no JSON body, so the
 * typed client is told to send the string as it is; it still adds the CSRF token and turns a refusal into an ApiError.
 */
export async function importArticlesCsv(text: string, fileName: string): Promise<ImportSummary> {
  const r = await api.POST('/api/v1/kb/articles/import', {
    params: { query: { file_name: fileName } },
    body: text as never,
    bodySerializer: (b: unknown) => b as string,
    headers: { 'content-type': 'text/csv' },
  })
  return r.data as ImportSummary
}

export function useArticle(id: string | undefined) {
  // Fresh for a while: a write puts its answer (with the new ETag) in the cache, so opening it again asks nothing.
  return useQuery({ queryKey: articleKey(id ?? ''), queryFn: () => getArticle(id ?? ''), enabled: id !== undefined, retry: false, staleTime: 60_000 })
}
