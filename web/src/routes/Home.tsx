import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApi, useForum, usePageTitle } from '../hooks';
import { DateText } from '../components/Dates';
import { TableWrap } from '../components/TableWrap';
import { ErrorBox, Loading } from '../components/Status';
import type { Body, Meeting, Observance, ParticipantList } from '../types';

export default function Home() {
  const { t } = useTranslation();
  const forum = useForum();
  usePageTitle(t('home.title'));
  const today = forum.data?.today;
  const members = useApi<ParticipantList>('/participants', { at: today, status: 'member' }, { enabled: !!today });
  const observers = useApi<ParticipantList>('/participants', { at: today, status: 'observer' }, { enabled: !!today });
  const meetings = useApi<Meeting[]>('/meetings', { upcoming: true });
  const bodies = useApi<Body[]>('/bodies');
  const observances = useApi<Observance[]>('/observances');

  if (forum.isPending) return <Loading />;
  if (forum.error) return <ErrorBox error={forum.error} />;
  const f = forum.data;

  return (
    <>
      <h1>
        {f.name} <span className="acronym">({f.acronym})</span>
      </h1>
      <dl className="facts card">
        {f.seat && (
          <>
            <dt>{t('home.seat')}</dt>
            <dd>{f.seat}</dd>
          </>
        )}
        <dt>{t('home.timeZone')}</dt>
        <dd>{f.timeZone}</dd>
        <dt>{t('home.today')}</dt>
        <dd>
          <DateText iso={f.today} />
        </dd>
        <dt>{t('home.chair')}</dt>
        <dd>
          {f.chair ? (
            <>
              <Link to={`/participants/${encodeURIComponent(f.chair.participant)}`}>{f.chair.name}</Link>
              {', '}
              {t('participant.since')} <DateText iso={f.chair.from} />
            </>
          ) : (
            t('home.noChair')
          )}
        </dd>
      </dl>

      <div className="grid-2">
        <section aria-labelledby="today-h" className="card">
          <h2 id="today-h">{t('home.participantsToday')}</h2>
          <ErrorBox error={members.error ?? observers.error} />
          <ul className="stat-list">
            <li>
              <Link to={`/participants?status=member`}>
                <span className="stat">{members.data?.participants.length ?? '…'}</span>{' '}
                {t('home.members', { count: members.data?.participants.length ?? 0 })}
              </Link>
            </li>
            <li>
              <Link to={`/participants?status=observer`}>
                <span className="stat">{observers.data?.participants.length ?? '…'}</span>{' '}
                {t('home.observers', { count: observers.data?.participants.length ?? 0 })}
              </Link>
            </li>
          </ul>
        </section>

        <section aria-labelledby="obs-h" className="card">
          <h2 id="obs-h">{t('home.observances')}</h2>
          {observances.isPending ? (
            <Loading />
          ) : observances.error ? (
            <ErrorBox error={observances.error} />
          ) : observances.data.length === 0 ? (
            <p>{t('home.noObservances')}</p>
          ) : (
            <ul className="plain-list">
              {observances.data.map((o) => (
                <li key={o.name}>
                  <strong>{o.name}</strong> — {t('home.nextOn')} <DateText iso={o.next} />
                  {o.note && <div className="muted">{o.note}</div>}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section aria-labelledby="meet-h" className="card">
        <h2 id="meet-h">{t('home.upcoming')}</h2>
        {meetings.isPending ? (
          <Loading />
        ) : meetings.error ? (
          <ErrorBox error={meetings.error} />
        ) : meetings.data.length > 0 ? (
          <ul className="plain-list">
            {meetings.data.map((m) => (
              <li key={m.id}>
                <strong>{m.title}</strong>
                <div>
                  <DateText iso={m.startsOn} />
                  {m.endsOn !== m.startsOn && (
                    <>
                      {' – '}
                      <DateText iso={m.endsOn} />
                    </>
                  )}
                  {m.venue && <>, {m.venue}</>}
                  {m.timeZone && <span className="muted"> ({m.timeZone})</span>}
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <>
            <p>{t('home.noMeetings')}</p>
            {bodies.data && bodies.data.some((b) => b.nextDue) && (
              <TableWrap label={t('home.nextDueCaption')}>
                <table>
                  <caption>{t('home.nextDueCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('bodies.body')}</th>
                      <th scope="col">{t('bodies.nextDue')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {bodies.data
                      .filter((b) => b.nextDue)
                      .map((b) => (
                        <tr key={b.code}>
                          <th scope="row">{b.name}</th>
                          <td>
                            <DateText iso={b.nextDue} />
                          </td>
                        </tr>
                      ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
          </>
        )}
      </section>
    </>
  );
}
