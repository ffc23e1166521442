import type { paths } from './schema.gen.ts'

/** The JSON body of a path's answer, e.g. `Answer<'/api/v1/auth/session', 'get'>`. */
export type Answer<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } }
}
  ? T
  : paths[P][M] extends { responses: { 201: { content: { 'application/json': infer T } } } }
    ? T
    : never

export type Session = Answer<'/api/v1/auth/session', 'get'>
export type Permission = Session['permissions'][number]
export type Role = Session['role']
