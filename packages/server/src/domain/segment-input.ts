import { z } from 'zod'
import { segmentNode } from './segment-tree.ts'

export const SEGMENT_KINDS = ['dynamic', 'static'] as const
export const REFRESH_INTERVALS = [1, 2, 3, 4, 6, 8, 12, 24] as const

const name = z.string().trim().min(1, 'must not be empty').max(200).refine((s) => !s.includes('\u0000'), 'contains a NUL character')
const description = z.string().max(2000).refine((s) => !s.includes('\u0000'), 'contains a NUL character').nullable()
const refreshEvery = z
  .number()
  .int()
  .refine((n) => (REFRESH_INTERVALS as readonly number[]).includes(n), `must be one of ${REFRESH_INTERVALS.join(', ')} (hours)`)
  .nullable()
  .describe('Dynamic segments: refresh every N hours (UTC, on the hour); null: only on demand')

/** What a client sends to create a segment (API body, CLI file). */
export const segmentInput = z.strictObject({
  name: name.describe('Unique in the workspace'),
  description: description.optional(),
  kind: z.enum(SEGMENT_KINDS).default('dynamic').describe('dynamic: refreshed on a schedule and on demand; static: a snapshot, refreshed only by hand'),
  tree: segmentNode,
  refresh_every_hours: refreshEvery.optional(),
})
export type SegmentInput = z.infer<typeof segmentInput>

export const segmentPatch = z.strictObject({
  name: name.optional(),
  description: description.optional(),
  tree: segmentNode.optional(),
  refresh_every_hours: refreshEvery.optional(),
})
export type SegmentPatch = z.infer<typeof segmentPatch>
