import type { paths } from '../../../lib/api/schema.gen.ts'
import type { Answer } from '../../../lib/api/types.ts'
import type { SegmentNode } from '../lib/tree-types.ts'

/**
 * The answers of the segments API, from the generated schema. Trees are read as the builder's own
 * SegmentNode (lib/tree-types.ts: the same shape, with the narrower types the editors switch on).
 */
type WithTree<T> = Omit<T, 'tree'> & { tree: SegmentNode }

export type Segment = WithTree<Answer<'/api/v1/segments/{id}', 'get'>>
export type SegmentPage = { data: Segment[]; next_cursor: string | null }
export type SegmentPatch = NonNullable<paths['/api/v1/segments/{id}']['patch']['requestBody']>['content']['application/json']
export type Preview = Answer<'/api/v1/segments/preview', 'post'>
export type Parsed = Omit<Answer<'/api/v1/segments/parse', 'post'>, 'tree'> & { tree: SegmentNode | null }
export type MemberPage = Answer<'/api/v1/segments/{id}/members', 'get'>
export type Member = MemberPage['data'][number]
export type MemberSort = NonNullable<NonNullable<paths['/api/v1/segments/{id}/members']['get']['parameters']['query']>['sort']>
export type GrowthDay = Answer<'/api/v1/segments/{id}/growth', 'get'>['data'][number]
export type Why = Answer<'/api/v1/segments/{id}/why/{customerId}', 'get'>
