import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import { useApi, usePageTitle } from '../hooks';
import { DateText } from '../components/Dates';
import { TableWrap } from '../components/TableWrap';
import { ErrorBox, Loading } from '../components/Status';
import type { ParticipantDetail } from '../types';

export default function ParticipantPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const q = useApi<ParticipantDetail>(`/participants/${encodeURIComponent(code)}`);
  usePageTitle(q.data?.name ?? code);

  if (q.isPending) return <Loading />;
  if (q.error)
    return (
      <>
        <h1>{q.error instanceof ApiError && q.error.status === 404 ? t('participant.notFound', { code }) : code}</h1>
        <ErrorBox error={q.error} />
        <p>
          <Link to="/participants">{t('participant.back')}</Link>
        </p>
      </>
    );
  const p = q.data;
  const otherNames = Object.entries(p.names).filter(([, n]) => n && n !== p.name);

  return (
    <>
      <p className="breadcrumb">
        <Link to="/participants">{t('participant.back')}</Link>
      </p>
      <h1>{p.name}</h1>
      <dl className="facts card">
        <dt>{t('participants.code')}</dt>
        <dd>
          <code>{p.code}</code>
        </dd>
        <dt>{t('participants.kind')}</dt>
        <dd>{t(`kind.${p.kind}`)}</dd>
        <dt>{t('participant.current')}</dt>
        <dd>
          {p.status ? (
            <>
              {t(`status.one.${p.status}`)}, {t('participant.since')} <DateText iso={p.since} />
            </>
          ) : (
            t('participant.noStatus')
          )}
        </dd>
        {otherNames.length > 0 && (
          <>
            <dt>{t('participant.otherNames')}</dt>
            <dd>
              <ul className="inline-list">
                {otherNames.map(([lang, n]) => (
                  <li key={lang} lang={lang}>
                    {n}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {p.note && (
          <>
            <dt>{t('participant.note')}</dt>
            <dd>{p.note}</dd>
          </>
        )}
      </dl>

      <section aria-labelledby="hist-h">
        <h2 id="hist-h">{t('participant.history')}</h2>
        {p.statuses.length === 0 ? (
          <p>{t('participant.noHistory')}</p>
        ) : (
          <TableWrap label={t('participant.history')}>
            <table>
              <caption className="visually-hidden">{t('participant.history')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('participant.status')}</th>
                  <th scope="col">{t('participant.from')}</th>
                  <th scope="col">{t('participant.to')}</th>
                  <th scope="col">{t('participant.reference')}</th>
                  <th scope="col">{t('participant.note')}</th>
                </tr>
              </thead>
              <tbody>
                {p.statuses.map((s, i) => (
                  <tr key={`${s.status}-${s.from}-${i}`}>
                    <th scope="row">{t(`status.one.${s.status}`)}</th>
                    <td>
                      <DateText iso={s.from} />
                    </td>
                    <td>{s.to ? <DateText iso={s.to} /> : <span className="muted">{t('participant.ongoing')}</span>}</td>
                    <td>{s.reference ?? ''}</td>
                    <td>{s.note ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
        <p className="muted small">{t('participant.toExplained')}</p>
      </section>

      <section aria-labelledby="chair-h">
        <h2 id="chair-h">{t('participant.chairmanships')}</h2>
        {p.chairmanships.length === 0 ? (
          <p>{t('participant.noChair')}</p>
        ) : (
          <TableWrap label={t('participant.chairmanships')}>
            <table>
              <caption className="visually-hidden">{t('participant.chairmanships')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('participant.from')}</th>
                  <th scope="col">{t('participant.to')}</th>
                  <th scope="col">{t('participant.reference')}</th>
                </tr>
              </thead>
              <tbody>
                {p.chairmanships.map((c) => (
                  <tr key={c.from}>
                    <th scope="row">
                      <DateText iso={c.from} />
                    </th>
                    <td>{c.to ? <DateText iso={c.to} /> : <span className="muted">{t('participant.ongoing')}</span>}</td>
                    <td>{c.reference ?? ''}</td>
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
