import { api, data } from '../../../lib/api/client.ts'
import type { Language } from '../../../i18n/index.ts'

export const signIn = (email: string, password: string) => data(api.POST('/api/v1/auth/login', { body: { email, password } }))

export const signOut = () => api.POST('/api/v1/auth/logout')

export const switchWorkspace = (slug: string) =>
  data(api.POST('/api/v1/auth/workspace', { params: { header: { 'x-rapport-workspace': slug } } }))

export const saveLanguage = (locale: Language) => data(api.PATCH('/api/v1/auth/me', { body: { locale } }))
