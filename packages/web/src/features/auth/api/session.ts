import { createContext, useContext } from 'react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { api, data, setCsrfToken } from '../../../lib/api/client.ts'
import type { Permission, Session } from '../../../lib/api/types.ts'

export const SESSION_KEY = ['session'] as const

/** Who is signed in; null when nobody is (the 401 is the answer, not an error). */
export async function fetchSession(): Promise<Session | null> {
  try {
    const s = await data(api.GET('/api/v1/auth/session'))
    setCsrfToken(s.csrf_token)
    return s
  } catch (err) {
    if ((err as { status?: number }).status === 401) return null
    throw err
  }
}

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 60_000, retry: false })
}

/**
 * The session the signed-in layout rendered with. Pages read it from here rather than from the query: on sign-out
 * the cached session turns null while a concurrent render (a navigation) may be half done, and a page reading the
 * query directly would see null under a layout that rendered with a session.
 */
export const SignedInSession = createContext<Session | null>(null)

/** The signed-in session (only inside the signed-in layout, which renders nothing until it has one). */
export function useSignedIn(): Session {
  const s = useContext(SignedInSession)
  if (!s) throw new Error('useSignedIn outside the signed-in layout')
  return s
}

export function useCan(): (p: Permission) => boolean {
  const s = useSignedIn()
  return (p) => s.permissions.includes(p)
}

/** After sign-in, sign-out or a workspace switch: the session changed, so every cached answer is stale. */
export function useSessionChanged(): (s: Session | null) => void {
  const qc = useQueryClient()
  return (s) => {
    setCsrfToken(s?.csrf_token ?? null)
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] })
    qc.setQueryData(SESSION_KEY, s)
  }
}
