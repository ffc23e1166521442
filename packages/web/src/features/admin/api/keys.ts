import { api, data } from '../../../lib/api/client.ts'
import type { paths } from '../../../lib/api/schema.gen.ts'
import type { Answer } from '../../../lib/api/types.ts'

export type ApiKey = Answer<'/api/v1/keys/', 'get'>['data'][number]
export type NewKey = NonNullable<paths['/api/v1/keys/']['post']['requestBody']>['content']['application/json']
/** The answer to a creation: the only time the whole key is sent. */
export type CreatedKey = Answer<'/api/v1/keys/', 'post'>

export const KEYS_KEY = ['admin', 'keys'] as const

export const listKeys = () => data(api.GET('/api/v1/keys/'))

export const createKey = (body: NewKey) => data(api.POST('/api/v1/keys/', { body }))

export const revokeKey = (id: number) => data(api.DELETE('/api/v1/keys/{id}', { params: { path: { id: String(id) } } }))
