import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../api';
import { useForum, usePageTitle } from '../hooks';
import { InstantText } from '../components/Dates';
import { InviteForm } from '../components/InviteForm';
import { RequireAuth, SecondFactorBanner } from '../components/RequireAuth';
import { TableWrap } from '../components/TableWrap';
import { ErrorBox, Loading } from '../components/Status';
import type { AuditEntry, AuditVerdict, OutboxMessage } from '../types';

export default function Admin() {
  const { t } = useTranslation();
  usePageTitle(t('admin.title'));
  return (
    <RequireAuth roles={['admin']}>
      {(me) => (
        <>
          <h1>{t('admin.title')}</h1>
          <SecondFactorBanner me={me} />
          <section aria-labelledby="inv-h" className="card">
            <h2 id="inv-h">{t('invite.title')}</h2>
            <InviteForm />
          </section>
          <Outbox />
          <Audit />
        </>
      )}
    </RequireAuth>
  );
}

function Outbox() {
  const { t } = useTranslation();
  const zone = useForum().data?.timeZone;
  const q = useQuery({ queryKey: ['admin', 'outbox'], queryFn: () => apiGet<OutboxMessage[]>('/admin/outbox') });
  return (
    <section aria-labelledby="outbox-h" className="card">
      <h2 id="outbox-h">{t('admin.outbox.title')}</h2>
      <p className="muted">{t('admin.outbox.intro')}</p>
      <button type="button" className="button button-secondary" onClick={() => void q.refetch()} disabled={q.isFetching}>
        {t('common.refresh')}
      </button>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <ErrorBox error={q.error} />
      ) : q.data.length === 0 ? (
        <p>{t('admin.outbox.empty')}</p>
      ) : (
        <ul className="plain-list outbox">
          {q.data.map((m) => (
            <li key={m.id}>
              <details>
                <summary>
                  <strong>{m.subject}</strong> — {m.to} · <InstantText iso={m.createdAt} zone={zone} />
                  {m.sentAt ? ` · ${t('admin.outbox.sent')}` : ''}
                </summary>
                <pre className="mail-body">{m.body}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Audit() {
  const { t } = useTranslation();
  const zone = useForum().data?.timeZone;
  const q = useQuery({ queryKey: ['admin', 'audit'], queryFn: () => apiGet<AuditEntry[]>('/audit', { limit: 50 }) });
  const verify = useMutation({ mutationFn: () => apiGet<AuditVerdict>('/audit/verify') });
  const v = verify.data;
  const verdict = v
    ? v.ok
      ? t('admin.audit.ok', { count: v.entries })
      : t('admin.audit.bad', { count: v.entries, seq: v.firstBadSeq, problem: v.problem })
    : null;

  return (
    <section aria-labelledby="audit-h" className="card">
      <h2 id="audit-h">{t('admin.audit.title')}</h2>
      <p className="muted">{t('admin.audit.intro')}</p>
      <div className="actions">
        <button type="button" className="button" onClick={() => verify.mutate()} disabled={verify.isPending}>
          {t('admin.audit.verify')}
        </button>
      </div>
      <div aria-live="polite">
        {verify.error ? <ErrorBox error={verify.error} /> : null}
        {v && <p className={`alert ${v.ok ? 'alert-success' : 'alert-error'}`}>{verdict}</p>}
      </div>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <ErrorBox error={q.error} />
      ) : q.data.length === 0 ? (
        <p>{t('admin.audit.empty')}</p>
      ) : (
        <TableWrap label={t('admin.audit.caption')}>
          <table className="audit">
            <caption className="visually-hidden">{t('admin.audit.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('admin.audit.at')}</th>
                <th scope="col">{t('admin.audit.action')}</th>
                <th scope="col">{t('admin.audit.subject')}</th>
                <th scope="col">{t('admin.audit.actor')}</th>
                <th scope="col">{t('admin.audit.hash')}</th>
              </tr>
            </thead>
            <tbody>
              {q.data.map((e) => (
                <tr key={e.seq}>
                  <th scope="row">{e.seq}</th>
                  <td>
                    <InstantText iso={e.at} zone={zone} />
                  </td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>{e.subject}</td>
                  <td>{[e.actorUserId != null ? `#${e.actorUserId}` : null, e.actorParticipant].filter(Boolean).join(' · ')}</td>
                  <td>
                    <code title={e.hash}>{e.hash.slice(0, 12)}…</code>
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
