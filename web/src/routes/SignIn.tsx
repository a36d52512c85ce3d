import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, apiPost } from '../api';
import { useMe, useSetMe } from '../auth';
import { usePageTitle } from '../hooks';
import { FormMessage } from '../components/Status';
import type { LoginResponse } from '../types';

export default function SignIn() {
  const { t } = useTranslation();
  usePageTitle(t('signIn.title'));
  const me = useMe();
  const setMe = useSetMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needTotp, setNeedTotp] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (me.data && !busy) return <Navigate to={from ?? '/profile'} replace />;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await apiPost<LoginResponse>('/auth/login', { email, password, ...(needTotp ? { totp: totp.replace(/\s/g, '') } : {}) });
      setMe(res.user);
      await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      void navigate(res.mustEnrolSecondFactor ? '/profile' : (from ?? '/profile'), { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401 && err.code === 'totp_required') {
        setNeedTotp(true);
        setError(null);
      } else {
        setError(err);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="narrow">
      <h1>{t('signIn.title')}</h1>
      <form onSubmit={onSubmit} className="form card" noValidate={false}>
        {!needTotp ? (
          <>
            <div className="field">
              <label htmlFor="signin-email">{t('signIn.email')}</label>
              <input
                id="signin-email"
                data-testid="signin-email"
                type="email"
                autoComplete="username"
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="signin-password">{t('signIn.password')}</label>
              <input
                id="signin-password"
                data-testid="signin-password"
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </div>
          </>
        ) : (
          <div className="field">
            <p id="totp-help">{t('signIn.totpHelp')}</p>
            <label htmlFor="signin-totp">{t('signIn.totp')}</label>
            <input
              id="signin-totp"
              data-testid="signin-totp"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9 ]{6,8}"
              maxLength={8}
              required
              autoFocus
              aria-describedby="totp-help"
              value={totp}
              onChange={(e) => setTotp(e.target.value)}
            />
          </div>
        )}
        <FormMessage error={error} />
        <div className="actions">
          <button type="submit" className="button" data-testid="signin-submit" disabled={busy}>
            {busy ? t('common.working') : needTotp ? t('signIn.verify') : t('signIn.submit')}
          </button>
          {needTotp && (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setNeedTotp(false);
                setTotp('');
              }}
            >
              {t('common.back')}
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
