import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApi, useForum, usePageTitle } from '../hooks';
import { DateText } from '../components/Dates';
import { TableWrap } from '../components/TableWrap';
import { ErrorBox, Loading } from '../components/Status';
import { formatDate } from '../format';
import { STATUSES, type ParticipantList, type ParticipantStatus } from '../types';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export default function Participants() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const forum = useForum();
  const dateId = useId();
  const statusParam = params.get('status');
  const status: ParticipantStatus = STATUSES.includes(statusParam as ParticipantStatus) ? (statusParam as ParticipantStatus) : 'member';
  const atParam = params.get('at');
  const at = atParam && DATE_RE.test(atParam) ? atParam : forum.data?.today;
  usePageTitle(t('participants.title'));

  const list = useApi<ParticipantList>('/participants', { at, status }, { enabled: !!at });

  function update(next: { at?: string; status?: string }) {
    const p = new URLSearchParams(params);
    if (next.at !== undefined) {
      if (next.at) p.set('at', next.at);
      else p.delete('at');
    }
    if (next.status !== undefined) p.set('status', next.status);
    setParams(p, { replace: true });
  }

  const count = list.data?.participants.length ?? 0;
  const shownAt = list.data?.at ?? at;
  const heading = shownAt ? t(`participants.count.${status}`, { count, date: formatDate(shownAt, i18n.language) }) : '';

  return (
    <>
      <h1>{t('participants.title')}</h1>
      <p className="lead">{t('participants.intro')}</p>
      <div className="toolbar">
        <div className="field">
          <label htmlFor={dateId}>{t('participants.date')}</label>
          <input
            id={dateId}
            type="date"
            value={at ?? ''}
            onChange={(e) => {
              if (!e.target.value || DATE_RE.test(e.target.value)) update({ at: e.target.value });
            }}
          />
        </div>
        {forum.data && at !== forum.data.today && (
          <button type="button" className="button button-secondary" onClick={() => update({ at: forum.data!.today })}>
            {t('participants.today')}
          </button>
        )}
      </div>
      <nav aria-label={t('participants.statusNav')} className="tabs">
        <ul>
          {STATUSES.map((s) => (
            <li key={s}>
              <Link
                to={`?${new URLSearchParams({ ...(at ? { at } : {}), status: s }).toString()}`}
                replace
                aria-current={s === status ? 'page' : undefined}
                className={s === status ? 'tab active' : 'tab'}
              >
                {t(`status.plural.${s}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="participants-heading" aria-busy={list.isFetching}>
        <h2 id="participants-heading" aria-live="polite">
          {list.data ? heading : '\u00a0'}
        </h2>
        {list.isPending && at ? <Loading /> : null}
        <ErrorBox error={list.error ?? forum.error} />
        {list.data &&
          (list.data.participants.length === 0 ? (
            <p>{t(`participants.none.${status}`)}</p>
          ) : (
            <TableWrap label={heading}>
              <table data-testid="participants-table">
                <caption className="visually-hidden">{heading}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('participants.name')}</th>
                    <th scope="col">{t('participants.code')}</th>
                    <th scope="col" className="hide-narrow">{t('participants.kind')}</th>
                    <th scope="col">{t('participants.since')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.participants.map((p) => (
                    <tr key={p.code} data-testid="participant-row">
                      <th scope="row">
                        <Link to={`/participants/${encodeURIComponent(p.code)}`}>{p.name}</Link>
                      </th>
                      <td>
                        <code>{p.code}</code>
                      </td>
                      <td className="hide-narrow">{t(`kind.${p.kind}`)}</td>
                      <td className="nowrap">
                        <DateText iso={p.since} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          ))}
      </section>
    </>
  );
}
