import { api, data } from '../../../lib/api/client.ts'
import type { paths } from '../../../lib/api/schema.gen.ts'
import type { Answer } from '../../../lib/api/types.ts'

export type Member = Answer<'/api/v1/members/', 'get'>['data'][number]
export type NewMember = NonNullable<paths['/api/v1/members/']['post']['requestBody']>['content']['application/json']
export type AddedMember = Answer<'/api/v1/members/', 'post'>
export type MemberRole = Member['role']

export const MEMBERS_KEY = ['admin', 'members'] as const

export const listMembers = () => data(api.GET('/api/v1/members/'))

export const addMember = (body: NewMember) => data(api.POST('/api/v1/members/', { body }))

export const changeRole = (id: number, role: MemberRole) => data(api.PATCH('/api/v1/members/{id}', { params: { path: { id: String(id) } }, body: { role } }))
