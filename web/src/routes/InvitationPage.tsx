import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiPost } from '../api';
import { useSetMe } from '../auth';
import { useApi, usePageTitle } from '../hooks';
import { InstantText } from '../components/Dates';
import { ErrorBox, FormMessage, Loading } from '../components/Status';
import type { InvitationInfo, LoginResponse } from '../types';

const MIN_PASSWORD = 12;

export default function InvitationPage() {
  const { t } = useTranslation();
  usePageTitle(t('invitation.title'));
  const { token = '' } = useParams();
  const info = useApi<InvitationInfo>(`/invitations/${encodeURIComponent(token)}`);
  const setMe = useSetMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const accept = useMutation({
    mutationFn: (body: unknown) => apiPost<LoginResponse>(`/invitations/${encodeURIComponent(token)}/accept`, body),
    onSuccess: async (res) => {
      setMe(res.user);
      await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      void navigate('/profile', { replace: true });
    },
  });

  if (info.isPending) return <Loading />;
  if (info.error)
    return (
      <>
        <h1>{t('invitation.title')}</h1>
        <ErrorBox error={info.error} />
      </>
    );
  const inv = info.data;
  const firstAdmin = inv.email === '';

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setLocalError(null);
    if (password.length < MIN_PASSWORD) return setLocalError(t('invitation.tooShort', { count: MIN_PASSWORD }));
    if (password !== confirm) return setLocalError(t('invitation.mismatch'));
    accept.mutate({ password, ...(firstAdmin ? { email: email.trim(), name: name.trim() } : {}) });
  }

  return (
    <div className="narrow">
      <h1>{t('invitation.title')}</h1>
      <div className="card">
        {firstAdmin ? (
          <p>{t('invitation.firstAdmin')}</p>
        ) : (
          <dl className="facts">
            <dt>{t('profile.name')}</dt>
            <dd>{inv.name}</dd>
            <dt>{t('profile.email')}</dt>
            <dd>{inv.email}</dd>
            <dt>{t('profile.role')}</dt>
            <dd>{t(`role.${inv.role}`)}</dd>
            {inv.participant && (
              <>
                <dt>{t('profile.participant')}</dt>
                <dd>{inv.participant}</dd>
              </>
            )}
            {inv.functions.length > 0 && (
              <>
                <dt>{t('profile.functions')}</dt>
                <dd>{inv.functions.map((f) => t(`function.${f}`)).join(', ')}</dd>
              </>
            )}
          </dl>
        )}
        <p className="muted small">
          {t('invite.expires')} <InstantText iso={inv.expiresAt} />
        </p>
      </div>
      <form onSubmit={onSubmit} className="form card">
        <h2>{t('invitation.choose')}</h2>
        {firstAdmin && (
          <>
            <div className="field">
              <label htmlFor="inv-name">{t('profile.name')}</label>
              <input id="inv-name" required autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor="inv-email">{t('profile.email')}</label>
              <input id="inv-email" type="email" required autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />
            </div>
          </>
        )}
        <div className="field">
          <label htmlFor="inv-password">{t('signIn.password')}</label>
          <input
            id="inv-password"
            type="password"
            required
            autoComplete="new-password"
            aria-describedby="inv-password-help"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <span id="inv-password-help" className="help">
            {t('invitation.passwordHelp', { count: MIN_PASSWORD })}
          </span>
        </div>
        <div className="field">
          <label htmlFor="inv-confirm">{t('invitation.confirm')}</label>
          <input
            id="inv-confirm"
            type="password"
            required
            autoComplete="new-password"
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
          />
        </div>
        <FormMessage error={localError ? new Error(localError) : accept.error} />
        <div className="actions">
          <button type="submit" className="button" disabled={accept.isPending}>
            {t('invitation.accept')}
          </button>
        </div>
      </form>
    </div>
  );
}
