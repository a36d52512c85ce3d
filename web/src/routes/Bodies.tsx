import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApi, useForum, usePageTitle } from '../hooks';
import { DateText } from '../components/Dates';
import { TableWrap } from '../components/TableWrap';
import { ErrorBox, Loading } from '../components/Status';
import type { Body, Chairmanship } from '../types';

export default function Bodies() {
  const { t } = useTranslation();
  usePageTitle(t('bodies.title'));
  const bodies = useApi<Body[]>('/bodies');
  const chairs = useApi<Chairmanship[]>('/chairmanships');
  const today = useForum().data?.today;
  const nameOf = (code: string | null) => (code ? (bodies.data?.find((b) => b.code === code)?.name ?? code) : '');

  return (
    <>
      <h1>{t('bodies.title')}</h1>
      <section aria-labelledby="bodies-h">
        <h2 id="bodies-h">{t('bodies.bodies')}</h2>
        {bodies.isPending ? (
          <Loading />
        ) : bodies.error ? (
          <ErrorBox error={bodies.error} />
        ) : (
          <TableWrap label={t('bodies.bodies')}>
            <table>
              <caption className="visually-hidden">{t('bodies.bodies')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('bodies.body')}</th>
                  <th scope="col">{t('bodies.reportsTo')}</th>
                  <th scope="col">{t('bodies.cycle')}</th>
                  <th scope="col">{t('bodies.lastMeeting')}</th>
                  <th scope="col">{t('bodies.nextDue')}</th>
                </tr>
              </thead>
              <tbody>
                {bodies.data.map((b) => (
                  <tr key={b.code}>
                    <th scope="row">{b.name}</th>
                    <td>{nameOf(b.reportsTo)}</td>
                    <td>
                      {b.cycle.everyMonths ? t('bodies.every', { count: b.cycle.everyMonths }) : ''}
                      {b.cycle.note && <div className="muted small">{b.cycle.note}</div>}
                    </td>
                    <td>{b.lastMeeting ? <DateText iso={b.lastMeeting} /> : <span className="muted">—</span>}</td>
                    <td>
                      {b.nextDue ? <DateText iso={b.nextDue} /> : <span className="muted">—</span>}
                      {b.nextDue && today && b.nextDue < today && (
                        <>
                          {' '}
                          <span className="badge badge-warn">{t('bodies.overdue')}</span>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
      <section aria-labelledby="chairs-h">
        <h2 id="chairs-h">{t('bodies.chairmanships')}</h2>
        {chairs.isPending ? (
          <Loading />
        ) : chairs.error ? (
          <ErrorBox error={chairs.error} />
        ) : chairs.data.length === 0 ? (
          <p>{t('bodies.noChairs')}</p>
        ) : (
          <TableWrap label={t('bodies.chairmanships')}>
            <table>
              <caption className="visually-hidden">{t('bodies.chairmanships')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('bodies.chair')}</th>
                  <th scope="col">{t('participant.from')}</th>
                  <th scope="col">{t('participant.to')}</th>
                  <th scope="col">{t('participant.reference')}</th>
                </tr>
              </thead>
              <tbody>
                {chairs.data.map((c) => (
                  <tr key={`${c.participant}-${c.from}`}>
                    <th scope="row">
                      <Link to={`/participants/${encodeURIComponent(c.participant)}`}>{c.name}</Link>
                    </th>
                    <td>
                      <DateText iso={c.from} />
                    </td>
                    <td>{c.to ? <DateText iso={c.to} /> : <span className="muted">{t('participant.ongoing')}</span>}</td>
                    <td>
                      {c.reference ?? ''}
                      {c.note && <div className="muted small">{c.note}</div>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
    </>
  );
}
