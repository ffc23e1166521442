import { useRouteError } from 'react-router'
import { ErrorState } from '../components/States.tsx'

/** A page that threw while rendering shows the error instead of a blank screen. */
export function RouteError() {
  const error = useRouteError()
  return (
    <div className="page">
      <ErrorState error={error} onRetry={() => window.location.reload()} />
    </div>
  )
}
