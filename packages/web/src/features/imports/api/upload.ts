import { toApiError } from '../../../lib/api/api-error.ts'
import { writeHeaders } from '../../../lib/api/client.ts'
import type { ImportEntity } from '../lib/entity-fields.ts'
import { contentTypeOf } from '../lib/file-preview.ts'
import type { Job } from './jobs.ts'

export interface UploadOptions {
  skipInvalid: boolean
  /** File column → field, only the renames (see columnsParam). */
  columns: Record<string, string>
  onProgress: (sent: number, total: number) => void
}

export interface Upload {
  /** The import job the server queued (202), or the server's refusal as an ApiError. */
  done: Promise<Job>
  /** Stops sending; the server queues nothing for a body that did not arrive whole. */
  abort: () => void
}

export class UploadAborted extends Error {
  constructor() {
    super('upload aborted')
    this.name = 'UploadAborted'
  }
}

export function importUrl(entity: ImportEntity, fileName: string, o: Pick<UploadOptions, 'skipInvalid' | 'columns'>): string {
  const qs = new URLSearchParams({ file_name: fileName.slice(0, 200), skip_invalid: String(o.skipInvalid) })
  if (Object.keys(o.columns).length > 0) qs.set('columns', JSON.stringify(o.columns))
  return `/api/v1/imports/${entity}?${qs.toString()}`
}

/**
 * Sends the File itself with XMLHttpRequest: the browser streams it from disk (it is never read into
 * memory here) and reports upload progress, which fetch cannot. Carries the session's CSRF header.
 */
export function uploadImport(entity: ImportEntity, file: File, o: UploadOptions): Upload {
  const xhr = new XMLHttpRequest()
  const done = new Promise<Job>((resolve, reject) => {
    xhr.open('POST', importUrl(entity, file.name, o))
    xhr.setRequestHeader('content-type', contentTypeOf(file))
    for (const [k, v] of Object.entries(writeHeaders())) xhr.setRequestHeader(k, v)
    xhr.responseType = 'text'
    xhr.upload.onprogress = (e) => o.onProgress(e.loaded, e.lengthComputable ? e.total : file.size)
    xhr.onload = () => {
      const body = parseJson(xhr.responseText)
      if (xhr.status === 202) resolve(body as Job)
      else reject(toApiError(xhr.status, body, xhr.getResponseHeader('retry-after')))
    }
    // As fetch does: a network failure is a TypeError (errorMessage() says the server cannot be reached).
    xhr.onerror = () => reject(new TypeError('network error'))
    xhr.onabort = () => reject(new UploadAborted())
    xhr.send(file)
  })
  return { done, abort: () => xhr.abort() }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
