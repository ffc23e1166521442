import type { paths } from '../../../lib/api/schema.gen.ts'
import type { Answer } from '../../../lib/api/types.ts'

/** The knowledge base's shapes, as the server's OpenAPI document describes them (routes/knowledge.ts). */
export type ArticlePage = Answer<'/api/v1/kb/articles', 'get'>
export type Article = ArticlePage['data'][number]
export type ArticleLang = Article['lang']
export type ArticleStatus = Article['status']
export type NewArticle = paths['/api/v1/kb/articles']['post']['requestBody']['content']['application/json']
export type ArticlePatch = NonNullable<paths['/api/v1/kb/articles/{id}']['patch']['requestBody']>['content']['application/json']
export type ImportSummary = Answer<'/api/v1/kb/articles/import', 'post'>
export type ListQuery = NonNullable<paths['/api/v1/kb/articles']['get']['parameters']['query']>

/** An article with the ETag of this copy: every change is sent with it as If-Match. */
export interface StoredArticle {
  article: Article
  etag: string
}

export const LANGS: ArticleLang[] = ['en', 'zh']
export const STATUSES: ArticleStatus[] = ['draft', 'published']
