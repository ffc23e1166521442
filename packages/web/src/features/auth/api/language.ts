import { LANGUAGES, switchLanguage, type Language } from '../../../i18n/index.ts'

/** The account's saved language wins over the browser's, once the session says what it is. */
export async function applyAccountLanguage(locale: string | null | undefined): Promise<void> {
  if (locale && (LANGUAGES as readonly string[]).includes(locale)) await switchLanguage(locale as Language)
}
