import { useTranslation } from 'react-i18next'
import { useCan } from '../../auth/api/session.ts'
import { formatDate } from '../../../lib/format.ts'
import type { Customer360 } from '../api/customer-360.ts'

/** Who the customer is. E-mail and phone arrive already masked for roles without pii:read (the server does it). */
export function ProfilePanel({ profile }: { profile: Customer360['profile'] }) {
  const { t, i18n } = useTranslation('customer360')
  const can = useCan()
  const f = (k: string) => t(`fields.${k}`, { ns: 'customers' })
  const location = [profile.city, profile.region, profile.country].filter(Boolean).join(', ')
  const attributes = Object.entries(profile.attributes)
  return (
    <section className="panel" aria-labelledby="profile-title">
      <h2 id="profile-title">{t('profile.title')}</h2>
      <dl className="facts" id="profile">
        <dt>{f('externalId')}</dt>
        <dd data-i18n-skip>{profile.external_id}</dd>
        <dt>{f('name')}</dt>
        <dd data-i18n-skip>{profile.name ?? '—'}</dd>
        <dt>{f('email')}</dt>
        <dd data-i18n-skip data-field="email">{profile.email ?? '—'}</dd>
        <dt>{f('phone')}</dt>
        <dd data-i18n-skip data-field="phone">{profile.phone ?? '—'}</dd>
        <dt>{f('gender')}</dt>
        <dd>{profile.gender ? t(`gender.${profile.gender}`, { ns: 'customers' }) : '—'}</dd>
        <dt>{f('birthDate')}</dt>
        <dd>{formatDate(profile.birth_date, i18n.language) || '—'}</dd>
        <dt>{t('profile.location')}</dt>
        <dd data-i18n-skip>{location || '—'}</dd>
        <dt>{f('signupAt')}</dt>
        <dd>{formatDate(profile.signup_at, i18n.language) || '—'}</dd>
        <dt>{f('tags')}</dt>
        <dd>
          {profile.tags.length === 0
            ? t('profile.noTags')
            : profile.tags.map((tag) => (
                <span key={tag} className="badge tag" data-i18n-skip>
                  {tag}
                </span>
              ))}
        </dd>
      </dl>
      {!can('pii:read') && <p className="muted">{t('profile.masked')}</p>}
      <h3>{t('profile.attributes')}</h3>
      {attributes.length === 0 ? (
        <p className="muted">{t('profile.noAttributes')}</p>
      ) : (
        <dl className="facts" data-i18n-skip>
          {attributes.map(([k, v]) => (
            <div key={k} className="fact-row">
              <dt>{k}</dt>
              <dd>{typeof v === 'string' ? v : JSON.stringify(v)}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  )
}
