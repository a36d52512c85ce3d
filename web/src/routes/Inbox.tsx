import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { apiPost } from '../api';
import { useTranslation } from 'react-i18next';
import { InstantText } from '../components/Dates';
import { RequireAuth } from '../components/RequireAuth';
import { ErrorBox, Loading } from '../components/Status';
import { useApi, useForum, usePageTitle } from '../hooks';
import type { InboxItem } from '../features/decision/types';

export default function Inbox() {
  const { t } = useTranslation();
  usePageTitle(t('inbox.title'));
  return (
    <RequireAuth>
      {() => (
        <>
          <h1>{t('inbox.title')}</h1>
          <p className="lead">{t('inbox.intro')}</p>
          <InboxList />
        </>
      )}
    </RequireAuth>
  );
}

function InboxList() {
  const { t } = useTranslation();
  const forum = useForum();
  const inbox = useApi<InboxItem[]>('/me/inbox');
  const qc = useQueryClient();
  const unread = (inbox.data ?? []).some((n) => !n.readAt);
  // Seeing the list is reading it: the header's unread count then goes down.
  useEffect(() => {
    if (unread) void apiPost('/me/inbox/read').then(() => qc.invalidateQueries({ queryKey: ['/me/inbox'] }));
  }, [unread, qc]);
  if (inbox.isPending) return <Loading />;
  if (inbox.error) return <ErrorBox error={inbox.error} />;
  if (inbox.data.length === 0) return <p>{t('inbox.none')}</p>;
  return (
    <ul className="plain-list card inbox-list" data-testid="inbox">
      {inbox.data.map((n) => (
        <li key={n.id} data-testid="inbox-item" className={n.readAt ? '' : 'unread'}>
          {n.link ? (
            <Link to={n.link}>
              <strong>{n.subject}</strong>
            </Link>
          ) : (
            <strong>{n.subject}</strong>
          )}
          <div className="muted small">
            <InstantText iso={n.createdAt} zone={forum.data?.timeZone} />
          </div>
          {n.body && <p className="inbox-body">{n.body}</p>}
        </li>
      ))}
    </ul>
  );
}
