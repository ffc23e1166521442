import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

type Tone = 'success' | 'error' | 'info'
interface Toast {
  id: number
  tone: Tone
  text: string
}

const ToastContext = createContext<(text: string, tone?: Tone) => void>(() => undefined)

/** Short notices after an action ("API key revoked"); errors stay until dismissed, others for 5 s. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const [toasts, setToasts] = useState<Toast[]>([])
  const dismiss = useCallback((id: number) => setToasts((ts) => ts.filter((x) => x.id !== id)), [])
  const push = useCallback(
    (text: string, tone: Tone = 'success') => {
      const id = Date.now() + Math.random()
      setToasts((ts) => [...ts, { id, tone, text }])
      if (tone !== 'error') setTimeout(() => dismiss(id), 5000)
    },
    [dismiss],
  )
  const value = useMemo(() => push, [push])
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toasts" aria-live="polite">
        {toasts.map((x) => (
          <div key={x.id} className={`toast toast-${x.tone}`} role={x.tone === 'error' ? 'alert' : 'status'}>
            <span>{x.text}</span>
            <button type="button" className="toast-close" aria-label={t('actions.dismiss')} onClick={() => dismiss(x.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  )
}

export const useToast = () => useContext(ToastContext)
