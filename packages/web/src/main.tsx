import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { RouterProvider } from 'react-router'
import './i18n/index.ts'
import './styles.css'
import { Providers } from './app/providers.tsx'
import { router } from './app/router.tsx'
import { i18n } from './i18n/index.ts'

document.documentElement.lang = i18n.language
i18n.on('languageChanged', (lang) => {
  document.documentElement.lang = lang
})

const root = document.getElementById('root')
if (root) {
  createRoot(root, {
    // React recovers from an error thrown during a concurrent render by rendering again synchronously, and reports
    // only a generic wrapper (#520). Report the error that caused it, so a test or the console says what happened.
    onRecoverableError: (error) => {
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined
      reportError(cause ? new Error(`${error instanceof Error ? error.message : String(error)} (caused by: ${cause.stack ?? cause.message})`) : error)
    },
  }).render(
    <StrictMode>
      <Providers>
        <RouterProvider router={router} />
      </Providers>
    </StrictMode>,
  )
}
