import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiDelete, apiGet, apiPost } from '../api';
import { ME_KEY } from '../auth';
import { usePageTitle } from '../hooks';
import { InstantText } from '../components/Dates';
import { RequireAuth, SecondFactorBanner } from '../components/RequireAuth';
import { TableWrap } from '../components/TableWrap';
import { ErrorBox, FormMessage, Loading } from '../components/Status';
import type { ApiToken, IssuedApiToken, Me, TotpSetup } from '../types';

export default function Profile() {
  const { t } = useTranslation();
  usePageTitle(t('profile.title'));
  return <RequireAuth>{(me) => <ProfileView me={me} />}</RequireAuth>;
}

function ProfileView({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('profile.title')}</h1>
      <SecondFactorBanner me={me} />
      <section aria-labelledby="account-h" className="card">
        <h2 id="account-h">{t('profile.account')}</h2>
        <dl className="facts">
          <dt>{t('profile.name')}</dt>
          <dd>{me.name}</dd>
          <dt>{t('profile.email')}</dt>
          <dd>{me.email}</dd>
          <dt>{t('profile.role')}</dt>
          <dd>{t(`role.${me.role}`)}</dd>
          <dt>{t('profile.participant')}</dt>
          <dd>
            {me.participant
              ? `${me.participant.name} (${me.participant.code})${me.participant.status ? ` — ${t(`status.one.${me.participant.status}`)}` : ''}`
              : t('common.none')}
          </dd>
          <dt>{t('profile.functions')}</dt>
          <dd>{me.functions.length ? me.functions.map((f) => t(`function.${f}`)).join(', ') : t('common.none')}</dd>
          {me.isChair && (
            <>
              <dt>{t('profile.chair')}</dt>
              <dd>{t('common.yes')}</dd>
            </>
          )}
        </dl>
      </section>
      <SecondFactor me={me} />
      <Tokens />
    </>
  );
}

function svgDataUri(svg: string): string {
  return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
}

function SecondFactor({ me }: { me: Me }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [code, setCode] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const begin = useMutation({ mutationFn: () => apiPost<TotpSetup>('/me/totp/setup'), onSuccess: setSetup });
  const confirm = useMutation({
    mutationFn: (c: string) => apiPost<{ enabledAt: string }>('/me/totp/confirm', { code: c }),
    onSuccess: async () => {
      setSetup(null);
      setCode('');
      setDone(t('profile.totp.enabled'));
      await qc.invalidateQueries({ queryKey: ME_KEY });
    },
  });

  function onConfirm(e: FormEvent) {
    e.preventDefault();
    confirm.mutate(code.replace(/\s/g, ''));
  }

  return (
    <section aria-labelledby="sf-h" className="card">
      <h2 id="sf-h">{t('profile.totp.title')}</h2>
      {me.totpEnabled ? (
        <p>
          <span className="badge badge-ok">{t('profile.totp.on')}</span>{' '}
          {me.secondFactor ? t('profile.totp.sessionOk') : t('profile.totp.sessionNot')}
        </p>
      ) : !setup ? (
        <>
          <p>{t('profile.totp.off')}</p>
          <button type="button" className="button" onClick={() => begin.mutate()} disabled={begin.isPending}>
            {t('profile.totp.setUp')}
          </button>
        </>
      ) : (
        <div className="totp-setup">
          <ol className="steps">
            <li>
              <p>{t('profile.totp.scan')}</p>
              <img className="qr" src={svgDataUri(setup.qrSvg)} alt={t('profile.totp.qrAlt')} width={200} height={200} />
            </li>
            <li>
              <p>{t('profile.totp.orKey')}</p>
              <p>
                <code className="secret">{setup.secret}</code>
              </p>
            </li>
            <li>
              <form onSubmit={onConfirm} className="form inline-form">
                <div className="field">
                  <label htmlFor="totp-code">{t('profile.totp.code')}</label>
                  <input
                    id="totp-code"
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    maxLength={8}
                    required
                    value={code}
                    onChange={(e) => setCode(e.target.value)}
                  />
                </div>
                <button type="submit" className="button" disabled={confirm.isPending}>
                  {t('profile.totp.confirm')}
                </button>
              </form>
            </li>
          </ol>
        </div>
      )}
      <FormMessage error={begin.error ?? confirm.error} success={done} />
    </section>
  );
}

function CopyButton({ text }: { text: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button-secondary"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(text);
            setCopied(true);
          } catch {
            setCopied(false);
          }
        }}
      >
        {t('common.copy')}
      </button>
      <span aria-live="polite" className="muted">
        {copied ? t('common.copied') : ''}
      </span>
    </>
  );
}

function Tokens() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [label, setLabel] = useState('');
  const [issued, setIssued] = useState<IssuedApiToken | null>(null);
  const tokens = useQuery({ queryKey: ['me', 'tokens'], queryFn: () => apiGet<ApiToken[]>('/me/tokens') });
  const create = useMutation({
    mutationFn: (l: string) => apiPost<IssuedApiToken>('/me/tokens', { label: l || undefined }),
    onSuccess: async (tok) => {
      setIssued(tok);
      setLabel('');
      await qc.invalidateQueries({ queryKey: ['me', 'tokens'] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: number) => apiDelete(`/me/tokens/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['me', 'tokens'] }),
  });

  return (
    <section aria-labelledby="tokens-h" className="card">
      <h2 id="tokens-h">{t('profile.tokens.title')}</h2>
      <p className="muted">{t('profile.tokens.intro')}</p>
      <form
        className="form inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(label);
        }}
      >
        <div className="field">
          <label htmlFor="token-label">{t('profile.tokens.label')}</label>
          <input id="token-label" value={label} maxLength={100} onChange={(e) => setLabel(e.target.value)} />
        </div>
        <button type="submit" className="button" disabled={create.isPending}>
          {t('profile.tokens.create')}
        </button>
      </form>
      <FormMessage error={create.error ?? revoke.error} />
      {issued && (
        <div className="alert alert-success issued-token">
          <p>
            <strong>{t('profile.tokens.once')}</strong>
          </p>
          <p>
            <code className="secret" aria-label={t('profile.tokens.value')}>
              {issued.token}
            </code>
          </p>
          <CopyButton text={issued.token} />
        </div>
      )}
      {tokens.isPending ? (
        <Loading />
      ) : tokens.error ? (
        <ErrorBox error={tokens.error} />
      ) : tokens.data.length === 0 ? (
        <p>{t('profile.tokens.none')}</p>
      ) : (
        <TableWrap label={t('profile.tokens.title')}>
          <table>
            <caption className="visually-hidden">{t('profile.tokens.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('profile.tokens.label')}</th>
                <th scope="col">{t('profile.tokens.created')}</th>
                <th scope="col">{t('profile.tokens.lastUsed')}</th>
                <th scope="col">{t('profile.tokens.state')}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.map((tok) => (
                <tr key={tok.id}>
                  <th scope="row">{tok.label}</th>
                  <td>
                    <InstantText iso={tok.createdAt} />
                  </td>
                  <td>{tok.lastUsedAt ? <InstantText iso={tok.lastUsedAt} /> : t('profile.tokens.never')}</td>
                  <td>
                    {tok.revokedAt ? (
                      <>
                        {t('profile.tokens.revoked')} <InstantText iso={tok.revokedAt} />
                      </>
                    ) : (
                      <button
                        type="button"
                        className="button button-danger"
                        disabled={revoke.isPending}
                        onClick={() => revoke.mutate(tok.id)}
                        aria-label={t('profile.tokens.revokeNamed', { label: tok.label })}
                      >
                        {t('profile.tokens.revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
