import { useTranslation } from 'react-i18next'
import { LANGUAGES, switchLanguage, type Language } from '../../../i18n/index.ts'

const NAMES: Record<Language, string> = { en: 'English', 'zh-CN': '中文' }

/**
 * English / 中文. Each language is named in itself, so a reader who cannot read the current one still finds
 * theirs. `onChosen` saves the choice to the account when someone is signed in.
 */
export function LanguageSwitch({ onChosen }: { onChosen?: (lang: Language) => void }) {
  const { t, i18n } = useTranslation()
  return (
    <div className="language-switch" role="group" aria-label={t('language')}>
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          className={`btn btn-small ${i18n.language === lang ? 'btn-selected' : 'btn-ghost'}`}
          aria-pressed={i18n.language === lang}
          onClick={() => {
            void switchLanguage(lang)
            onChosen?.(lang)
          }}
        >
          {NAMES[lang]}
        </button>
      ))}
    </div>
  )
}
