import { parseCsvPreview, type TablePreview } from './csv-preview.ts'
import { parseJsonlPreview } from './jsonl-preview.ts'

/** How much of the file the browser reads for the preview: the rest is streamed to the server unread. */
export const PREVIEW_BYTES = 64 * 1024

export type FileFormat = 'csv' | 'jsonl'

export interface FilePreview extends TablePreview {
  format: FileFormat
  /** JSON Lines lines (1-based) among the previewed ones that are not JSON objects. */
  invalidLines: number[]
}

/** JSON Lines by extension or type (as the server decides by content type), else CSV. */
export function formatOf(file: Pick<File, 'name' | 'type'>): FileFormat {
  return /\.(jsonl|ndjson)$/i.test(file.name) || /ndjson|jsonl/i.test(file.type) ? 'jsonl' : 'csv'
}

/** The content type the upload is sent with. */
export function contentTypeOf(file: Pick<File, 'name' | 'type'>): string {
  if (formatOf(file) === 'jsonl') return 'application/x-ndjson'
  return /\.tsv$/i.test(file.name) ? 'text/tab-separated-values' : 'text/csv'
}

/** Parses the start of a text read from a file (`complete` when it is the whole file). */
export function previewText(text: string, format: FileFormat, complete: boolean, maxRows = 10): FilePreview {
  if (format === 'jsonl') return { format, ...parseJsonlPreview(text, complete, maxRows) }
  return { format, ...parseCsvPreview(text, complete, maxRows), invalidLines: [] }
}

/** Reads only the first PREVIEW_BYTES of the file (File.slice) and previews them. */
export async function readPreview(file: File, maxRows = 10): Promise<FilePreview> {
  const complete = file.size <= PREVIEW_BYTES
  const bytes = await file.slice(0, PREVIEW_BYTES).arrayBuffer()
  // A multi-byte character cut at the end decodes to U+FFFD in the last, dropped record.
  const text = new TextDecoder('utf-8').decode(bytes)
  return previewText(text, formatOf(file), complete, maxRows)
}
