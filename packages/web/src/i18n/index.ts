import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'

/**
 * English and Simplified Chinese, one JSON file per feature (namespace) in each language's folder. A test
 * (i18n.test.ts) proves both languages hold the same keys, so no string shows up untranslated.
 */
export const LANGUAGES = ['en', 'zh-CN'] as const
export type Language = (typeof LANGUAGES)[number]

type Bundle = Record<string, Record<string, unknown>>
const files = import.meta.glob<{ default: Record<string, unknown> }>('./*/*.json', { eager: true })

export function bundles(): Record<Language, Bundle> {
  const out: Record<string, Bundle> = { en: {}, 'zh-CN': {} }
  for (const [path, mod] of Object.entries(files)) {
    const m = /^\.\/([^/]+)\/([^/]+)\.json$/.exec(path)
    if (!m?.[1] || !m[2]) continue
    ;(out[m[1]] ??= {})[m[2]] = mod.default
  }
  return out as Record<Language, Bundle>
}

const STORAGE_KEY = 'rapport.language'

export function initialLanguage(): Language {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY)
  if (saved === 'en' || saved === 'zh-CN') return saved
  const nav = typeof navigator === 'undefined' ? 'en' : navigator.language
  return nav.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

/** Switches the UI language (and remembers it in this browser until the account's own setting loads). */
export async function switchLanguage(lang: Language): Promise<void> {
  if (typeof localStorage !== 'undefined') localStorage.setItem(STORAGE_KEY, lang)
  document.documentElement.lang = lang
  if (i18next.language !== lang) await i18next.changeLanguage(lang)
}

export const i18n = i18next
void i18next.use(initReactI18next).init({
  resources: bundles(),
  lng: initialLanguage(),
  fallbackLng: false,
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
})
