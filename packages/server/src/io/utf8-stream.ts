import { closeSync, createReadStream, openSync, readSync } from 'node:fs'
import { isUtf8 } from 'node:buffer'
import { Transform, type Readable } from 'node:stream'
import { InputError } from '../errors/rapport-error.ts'
import { encodingHint } from './encoding-hint.ts'
import { firstInvalidUtf8 } from './utf8-check.ts'

/**
 * A file's bytes, checked to be UTF-8 on the way: an invalid byte is an input error naming the line it is
 * on and suggesting --encoding (with GBK or GB18030 named when the file looks like it), instead of turning
 * into U+FFFD further on. Chunks come out as Buffers that end on a character boundary, so each can be
 * decoded on its own; the consumer decodes (csv-parse and readline do, and drop a byte-order mark).
 *
 * Why not a fatal TextDecoder: that hands out strings, which the CSV parser turns back into bytes. The
 * platform's isUtf8 (simdutf) checks a 1 MiB chunk in well under a millisecond, and the bytes pass through
 * untouched (measured on 1M order lines: the decoder cost about 1.5 s of CPU, this next to nothing).
 * Finding the line of a bad byte re-reads the file, but only once it has been refused.
 */
export function utf8Stream(file: string, name = file): Readable {
  let carry: Buffer | undefined
  const transform = new Transform({
    transform(chunk: Buffer, _enc, done) {
      const bytes = carry === undefined ? chunk : Buffer.concat([carry, chunk])
      // Hold back a character cut by the chunk border (at most 3 bytes of it) for the next chunk.
      let cut = bytes.length
      for (let i = bytes.length - 1; i >= 0 && i >= bytes.length - 3; i--) {
        const b = bytes[i] as number
        if (b < 0x80) break
        if (b >= 0xc0) {
          const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2
          if (bytes.length - i < need) cut = i
          break
        }
      }
      const whole = bytes.subarray(0, cut)
      carry = cut < bytes.length ? Buffer.from(bytes.subarray(cut)) : undefined
      if (!isUtf8(whole)) done(notUtf8(file, name))
      else done(null, whole)
    },
    flush(done) {
      if (carry !== undefined) done(notUtf8(file, name))
      else done()
    },
  })
  const raw = createReadStream(file, { highWaterMark: 1 << 20 })
  raw.on('error', (err) => transform.destroy(err))
  return raw.pipe(transform)
}

/** The error for a file that is not UTF-8 (called `name` in it): where the first bad byte is, and which encoding to try. */
export function notUtf8(file: string, name = file): InputError {
  const fd = openSync(file, 'r')
  try {
    const buf = Buffer.alloc(1 << 20)
    let offset = 0
    let line = 1
    let carry = Buffer.alloc(0)
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, offset)
      const bytes = Buffer.concat([carry, buf.subarray(0, n)])
      const bad = firstInvalidUtf8(bytes, n === 0)
      if (bad >= 0) {
        for (let i = bytes.indexOf(10); i >= 0 && i < bad; i = bytes.indexOf(10, i + 1)) line++
        const byte = bytes[bad] as number
        const where = `${name}:${line}: is not valid UTF-8 (byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')})`
        return new InputError(`${where}; ${encodingHint(sample(fd))}`)
      }
      if (n === 0) return new InputError(`${name}: is not valid UTF-8; ${encodingHint(sample(fd))}`)
      // Carry the last character (it may be incomplete) to the next read, from its first byte; count the
      // newlines of the rest.
      let start = bytes.length - 1
      while (start > 0 && start > bytes.length - 4 && ((bytes[start] as number) & 0xc0) === 0x80) start--
      const done = bytes.subarray(0, start)
      for (let i = done.indexOf(10); i >= 0; i = done.indexOf(10, i + 1)) line++
      carry = Buffer.from(bytes.subarray(start))
      offset += n
    }
  } finally {
    closeSync(fd)
  }
}

/** Up to 64 KiB of whole lines from the start of the file, for the encoding guess. */
function sample(fd: number): Uint8Array {
  const buf = Buffer.alloc(64 * 1024)
  const n = readSync(fd, buf, 0, buf.length, 0)
  if (n < buf.length) return buf.subarray(0, n)
  const lastNewline = buf.lastIndexOf(10)
  return buf.subarray(0, lastNewline > 0 ? lastNewline : n)
}
