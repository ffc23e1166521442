import { lazy, type ComponentType } from 'react'
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router'
import { MainLayout } from './main-layout.tsx'
import { pages } from './pages.ts'
import { RequirePermission } from './require-permission.tsx'
import { NotFoundPage } from './not-found-page.tsx'
import { RouteError } from './route-error.tsx'

const SignInPage = lazy(() => import('../features/auth/routes/SignInPage.tsx'))

// One lazy component per page, made once (a lazy() inside render would remount on every render).
const pageRoutes: RouteObject[] = pages.map((p) => {
  const Component = lazy(p.load) as ComponentType
  return { path: p.path, element: <RequirePermission permission={p.permission}><Component /></RequirePermission> }
})

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage />, errorElement: <RouteError /> },
  {
    path: '/',
    element: <MainLayout />,
    errorElement: <RouteError />,
    children: [{ index: true, element: <Navigate to="/overview" replace /> }, ...pageRoutes, { path: '*', element: <NotFoundPage /> }],
  },
])
