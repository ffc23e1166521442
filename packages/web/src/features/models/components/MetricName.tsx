import { useTranslation } from 'react-i18next'

/** A metric's readable name where the dashboard knows it, else its name as the server gives it. */
export function MetricName({ name }: { name: string }) {
  const { t, i18n } = useTranslation('models')
  const key = `metrics.${name}`
  return i18n.exists(key, { ns: 'models' }) ? <>{t(key)}</> : <code>{name}</code>
}
