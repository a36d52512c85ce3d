import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth';
import type { Me, Role } from '../types';
import { ErrorBox, Loading } from './Status';

/** Renders its children with the signed-in user, or sends the reader to sign in. */
export function RequireAuth({ roles, children }: { roles?: Role[]; children: (me: Me) => ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.error) return <ErrorBox error={me.error} />;
  if (!me.data) return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  if (roles && !roles.includes(me.data.role))
    return (
      <>
        <h1>{t('forbidden.title')}</h1>
        <p>{t('forbidden.text')}</p>
      </>
    );
  return <>{children(me.data)}</>;
}

export function SecondFactorBanner({ me }: { me: Me }) {
  const { t } = useTranslation();
  const location = useLocation();
  if (!me.secondFactorRequired || me.secondFactor) return null;
  return (
    <div className="alert alert-warning" role="note">
      <strong>{t('profile.banner.title')}</strong>{' '}
      {me.totpEnabled ? t('profile.banner.signInAgain') : t('profile.banner.setUp')}
      {location.pathname !== '/profile' && !me.totpEnabled && (
        <>
          {' '}
          <Link to="/profile">{t('profile.banner.goToProfile')}</Link>
        </>
      )}
    </div>
  );
}
