import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DateText } from '../../components/Dates';
import { useApi } from '../../hooks';
import type { ParticipantDetail } from '../../types';
import type { DecisionStatus } from './types';

/* The subject arrives as `any` from the contract (a union); these shapes are what the API sends. */
type Subject =
  | { type: 'text'; text: string }
  | { type: 'negotiation'; negotiationId: number; revision: number; contentHash?: string }
  | { type: 'admission'; participant: string; status: string }
  | { type: 'chair'; participant: string; from: string; to: string | null }
  | { type: 'meeting'; title: string; startsOn: string; endsOn: string; venue: string | null }
  | { type: 'recommendation'; toBody: string; recommended: Subject };

export function StatusBadge({ status }: { status: DecisionStatus | string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge decision-status decision-${status}`} data-testid="decision-status">
      {t(`decision.status.${status}`, { defaultValue: status })}
    </span>
  );
}


/** One line: what the decision is about. */
export function SubjectSummary({ subject }: { subject: unknown }) {
  const { t } = useTranslation();
  const s = subject as Subject;
  switch (s?.type) {
    case 'text':
      return <>{t('decision.subjectType.text')}</>;
    case 'negotiation':
      return <>{t('decision.subject.negotiation', { id: s.negotiationId, revision: s.revision === 0 ? t('negotiation.revisions.original') : `Rev.${s.revision}` })}</>;
    case 'admission':
      return <>{t('decision.subject.admission', { participant: s.participant, status: t(`status.one.${s.status}`) })}</>;
    case 'chair':
      return <>{t('decision.subject.chair', { participant: s.participant })}</>;
    case 'meeting':
      return <>{t('decision.subject.meeting', { title: s.title })}</>;
    case 'recommendation':
      return <>{t('decision.subject.recommendation', { body: s.toBody })}</>;
    default:
      return null;
  }
}

/** A participant by name, linked to its page; the code until the name arrives (or if it is unknown). */
function ParticipantLink({ code }: { code: string }) {
  const p = useApi<ParticipantDetail>(`/participants/${encodeURIComponent(code)}`);
  return <Link to={`/participants/${code}`}>{p.data ? `${p.data.name} (${code})` : code}</Link>;
}

/** The subject in full, as the decision page shows it. */
export function SubjectDetail({ subject }: { subject: unknown }) {
  const { t } = useTranslation();
  const s = subject as Subject;
  switch (s?.type) {
    case 'text':
      return (
        <div className="decision-text" data-testid="subject">
          {s.text.split(/\n+/).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      );
    case 'negotiation':
      return (
        <p data-testid="subject">
          {t('decision.subject.negotiationLead')}{' '}
          <Link to={`/negotiations/${s.negotiationId}`}>{t('decision.subject.negotiation', { id: s.negotiationId, revision: s.revision === 0 ? t('negotiation.revisions.original') : `Rev.${s.revision}` })}</Link>
          {s.contentHash && (
            <>
              <br />
              <span className="muted small">
                {t('decision.subject.hash')} <code className="hash">{s.contentHash}</code>
              </span>
            </>
          )}
        </p>
      );
    case 'admission':
      return (
        <p data-testid="subject">
          {t('decision.subject.admissionOf')} <ParticipantLink code={s.participant} />{' '}
          {t('decision.subject.asStatus', { status: t(`status.one.${s.status}`) })}
        </p>
      );
    case 'chair':
      return (
        <p data-testid="subject">
          {t('decision.subject.chairOf')} <ParticipantLink code={s.participant} />
          {' — '}
          {t('decision.subject.from')} <DateText iso={s.from} />
          {s.to && (
            <>
              {' '}
              {t('decision.subject.to')} <DateText iso={s.to} />
            </>
          )}
        </p>
      );
    case 'meeting':
      return (
        <p data-testid="subject">
          {t('decision.subject.meeting', { title: s.title })} — <DateText iso={s.startsOn} /> – <DateText iso={s.endsOn} />
          {s.venue ? `, ${s.venue}` : ''}
        </p>
      );
    case 'recommendation':
      return (
        <div data-testid="subject">
          <p>{t('decision.subject.recommendation', { body: s.toBody })}</p>
          <SubjectDetail subject={s.recommended} />
        </div>
      );
    default:
      return null;
  }
}
