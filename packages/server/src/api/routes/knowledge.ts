import { z } from 'zod'
import { RapportError } from '../../errors/rapport-error.ts'
import { KB_LANGS, KB_LIMITS, KB_STATUSES, kbArticleInput, kbArticlePatch } from '../../services/knowledge/kb-article-input.ts'
import {
  createKbArticle, deleteKbArticle, getKbArticle, KB_SORTS, kbEtag, listKbArticles, updateKbArticle, type KbArticleView,
} from '../../services/knowledge/kb-articles-service.ts'
import { importKbCsv, KB_IMPORT_MAX_BYTES, KB_IMPORT_MAX_ROWS } from '../../services/knowledge/kb-import.ts'
import { sizeText } from '../../services/jobs/upload-store.ts'
import type { Db } from '../../store/db.ts'
import { errors, idParams, listParams, pageOf, rowsAs, safeText, workspaceHeader } from '../schemas.ts'
import { ifMatchHeader, ifMatchOf, type ZodApp } from './crud.ts'

const articleOut = z.object({
  id: z.number().int(),
  external_id: z.string().nullable().describe('The import key (derived from question and language when the file had none); null for articles written here'),
  lang: z.enum(KB_LANGS),
  category: z.string().nullable(),
  title: z.string().describe('The question'),
  questions: z.array(z.string()).describe('Other ways customers ask it: the chat assistant learns the article from these and the title'),
  body: z.string().describe('The answer, as written (HTML is not sanitised: sanitise it when you show it)'),
  status: z.enum(KB_STATUSES),
  version: z.number().int().describe('1, then +1 at every change; the ETag follows it'),
  created_by: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
})

const importOut = z.object({
  file: z.string(), read: z.number().int(), inserted: z.number().int(), updated: z.number().int(), unchanged: z.number().int(),
})

const listQuery = listParams(Object.keys(KB_SORTS), '-updated_at').extend({
  lang: z.enum(KB_LANGS).optional(),
  category: safeText(KB_LIMITS.category).optional().describe('Exactly this category'),
  status: z.enum(KB_STATUSES).optional(),
  q: safeText(200).optional().describe('Part of the question or the answer (any case)'),
})

/** The body of an import is the file: CSV, as text/csv (or application/octet-stream, what some tools send). */
const CSV_TYPES = ['text/csv', 'application/octet-stream']

const withEtag = (reply: { header: (k: string, v: string) => unknown }, a: KbArticleView): KbArticleView => {
  reply.header('etag', kbEtag(a))
  return a
}

/** /api/v1/kb: the knowledge base — articles (question and answer, en or zh) and their CSV import. */
export function knowledgeRoutes(db: Db) {
  return async (app: ZodApp): Promise<void> => {
    const tags = ['knowledge']
    // A knowledge base file is small: it is read whole, up to the limit (larger: 413 before anything is parsed).
    app.addContentTypeParser(CSV_TYPES, { parseAs: 'buffer', bodyLimit: KB_IMPORT_MAX_BYTES }, (_req, body, done) => done(null, body))

    app.get('/articles', {
      config: { access: 'customers:read' },
      schema: {
        tags, summary: 'Knowledge base articles, filtered by language, category, status and text', headers: workspaceHeader, querystring: listQuery,
        response: { 200: pageOf(articleOut), ...errors(400, 401, 403) },
      },
    }, async (req) => rowsAs(pageOf(articleOut), await listKbArticles(db, req.actor, req.query)))

    app.post('/articles', {
      config: { access: 'kb:write' },
      schema: {
        tags, summary: 'Write an article (a draft unless status says published)', headers: workspaceHeader, body: kbArticleInput,
        response: { 201: articleOut, ...errors(400, 401, 403, 409) },
      },
    }, async (req, reply) => {
      reply.code(201)
      return rowsAs(articleOut, withEtag(reply, await createKbArticle(db, req.actor, req.body)))
    })

    app.post('/articles/import', {
      config: { access: 'kb:write' },
      schema: {
        tags, summary: 'Import articles from a CSV file, all or nothing',
        description:
          `Body: the file itself as text/csv, UTF-8, up to ${sizeText(KB_IMPORT_MAX_BYTES)} and ${KB_IMPORT_MAX_ROWS.toLocaleString('en')} rows (larger: 413). ` +
          'Header: question,answer,language and optionally category, external_id, status (draft or published; default published). ' +
          'language is en, zh or zh-CN. Articles are matched on external_id, or on question and language when there is none: ' +
          'importing the same file again changes nothing. Any bad row refuses the whole file with 400; details name each line and column (`file:line: column`).',
        headers: workspaceHeader,
        querystring: z.strictObject({ file_name: safeText(200).optional().describe('Name shown in errors (file:line: column: reason); default upload.csv') }),
        response: { 200: importOut, ...errors(400, 401, 403, 413, 415) },
      },
    }, async (req) => {
      if (!Buffer.isBuffer(req.body)) throw new RapportError('unsupported_media_type', `send the file as the body with content-type ${CSV_TYPES.join(' or ')}`)
      return importKbCsv(db, req.actor, { file: req.query.file_name ?? 'upload.csv', data: req.body })
    })

    app.get('/articles/:id', {
      config: { access: 'customers:read' },
      schema: { tags, summary: 'An article, with its ETag', headers: workspaceHeader, params: idParams, response: { 200: articleOut, ...errors(400, 401, 403, 404) } },
    }, async (req, reply) => rowsAs(articleOut, withEtag(reply, await getKbArticle(db, req.actor, req.params.id))))

    app.patch('/articles/:id', {
      config: { access: 'kb:write' },
      schema: {
        tags, summary: 'Change an article; publish or unpublish it with status',
        description: 'Fields present replace stored values; null clears the category. Send If-Match with the ETag of your copy to refuse the change (412) if someone changed the article since.',
        headers: ifMatchHeader, params: idParams, body: kbArticlePatch,
        response: { 200: articleOut, ...errors(400, 401, 403, 404, 412) },
      },
    }, async (req, reply) => rowsAs(articleOut, withEtag(reply, await updateKbArticle(db, req.actor, req.params.id, req.body, ifMatchOf(req)))))

    app.delete('/articles/:id', {
      config: { access: 'kb:write' },
      schema: { tags, summary: 'Delete an article', headers: ifMatchHeader, params: idParams, response: { 204: z.undefined(), ...errors(400, 401, 403, 404, 412) } },
    }, async (req, reply) => {
      await deleteKbArticle(db, req.actor, req.params.id, ifMatchOf(req))
      return reply.code(204).send()
    })
  }
}
