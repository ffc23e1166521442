import { Suspense, useEffect } from 'react'
import { Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router'
import { useTranslation } from 'react-i18next'
import { SignedInSession, useSession } from '../features/auth/api/session.ts'
import { Loading, ErrorState } from '../components/States.tsx'
import { whenSessionExpires } from '../lib/api/client.ts'
import { NAV_GROUPS } from './page.ts'
import { pages } from './pages.ts'
import { UserMenu } from '../features/auth/components/UserMenu.tsx'
import { WorkspaceSwitcher } from '../features/auth/components/WorkspaceSwitcher.tsx'

/**
 * The frame of every signed-in page: navigation filtered by the role's permissions, the workspace switcher
 * and the user menu. Without a session it sends the person to sign in, remembering where they were going.
 */
export function MainLayout() {
  const { t } = useTranslation('nav')
  const session = useSession()
  const location = useLocation()
  const navigate = useNavigate()
  const here = `${location.pathname}${location.search}`

  useEffect(() => {
    // To sign-in with the page to come back to; the cached session is replaced when the person signs in
    // again (clearing it here would race this navigation with the layout's own redirect).
    whenSessionExpires(() => {
      void navigate(`/sign-in?next=${encodeURIComponent(window.location.pathname + window.location.search)}&expired=1`)
    })
  }, [navigate])

  if (session.isPending) return <Loading />
  if (session.error) return <ErrorState error={session.error} onRetry={() => void session.refetch()} />
  const s = session.data
  if (!s) return <Navigate to={`/sign-in?next=${encodeURIComponent(here)}`} replace />

  const can = (p?: string) => p === undefined || (s.permissions as string[]).includes(p)
  return (
    <SignedInSession.Provider value={s}>
      <div className="shell">
        <a className="skip-link" href="#main">
          {t('skipToContent')}
        </a>
        <header className="topbar">
          <NavLink to="/" className="brand">
            Rapport
          </NavLink>
          <WorkspaceSwitcher />
          <UserMenu />
        </header>
        <nav className="sidenav" aria-label={t('main')}>
          {NAV_GROUPS.map((group) => {
            const items = pages.filter((p) => p.nav?.group === group && can(p.permission)).sort((a, b) => (a.nav?.order ?? 0) - (b.nav?.order ?? 0))
            if (items.length === 0) return null
            return (
              <div key={group} className="nav-group">
                <h2 className="nav-group-title">{t(`groups.${group}`)}</h2>
                <ul>
                  {items.map((p) => (
                    <li key={p.path}>
                      <NavLink to={`/${p.path}`}>{t(p.nav?.label ?? p.path)}</NavLink>
                    </li>
                  ))}
                </ul>
              </div>
            )
          })}
        </nav>
        <main id="main" className="content" tabIndex={-1}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </SignedInSession.Provider>
  )
}
