import { PassThrough } from 'node:stream'
import type { FastifyReply } from 'fastify'
import { entitySchemas } from '../../domain/entities.ts'
import { writeRecords } from '../../io/write-records.ts'

/**
 * Sends exported customers as a CSV download. The first page (and with it the permission check and the audit
 * row) is read before any byte is sent, so a refusal is a proper error answer rather than a cut-off file.
 */
export async function sendCustomerCsv(reply: FastifyReply, rows: AsyncGenerator<Record<string, unknown>>, filename: string): Promise<FastifyReply> {
  const out = new PassThrough()
  const first = await rows.next()
  async function* all() {
    if (!first.done) yield first.value
    yield* rows
  }
  writeRecords(all(), Object.keys(entitySchemas.customers.shape), 'csv', out).then(() => out.end(), (err: unknown) => out.destroy(err as Error))
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    // A stream: Fastify sends it as it comes, past the serializer (the type only knows the schema's string).
    .send(out as unknown as string)
}
