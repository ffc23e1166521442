import { useTranslation } from 'react-i18next'
import { featureLabel } from '../lib/feature-labels.ts'

/** A model input's readable name (see feature-labels.ts), or its raw name as code when unknown. */
export function FeatureName({ name }: { name: string }) {
  const { t } = useTranslation('models')
  const label = featureLabel(name, t)
  return label === undefined ? <code>{name}</code> : <span title={name}>{label}</span>
}
