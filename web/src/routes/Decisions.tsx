import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiPost } from '../api';
import { localeOf } from '../format';
import { RequireAuth, SecondFactorBanner } from '../components/RequireAuth';
import { ErrorBox, FormMessage, Loading } from '../components/Status';
import { useApi, useForum, usePageTitle } from '../hooks';
import { Deadline } from '../features/decision/Deadline';
import { StatusBadge, SubjectSummary } from '../features/decision/Subject';
import { wallTimeToUtc } from '../features/decision/time';
import { DECISION_STATUSES, decisionAbilitiesOf, type Decision, type DecisionStatus, type NewDecision } from '../features/decision/types';
import type { NegotiationSummary } from '../features/negotiation/types';
import { STATUSES, type Body, type ParticipantList, type ParticipantStatus } from '../types';

export default function Decisions() {
  const { t } = useTranslation();
  usePageTitle(t('decision.list.title'));
  return (
    <RequireAuth>
      {(me) => (
        <>
          <h1>{t('decision.list.title')}</h1>
          <p className="lead">{t('decision.list.intro')}</p>
          <DecisionList />
          {decisionAbilitiesOf(me).facilitate && (
            <>
              <SecondFactorBanner me={me} />
              <LaunchDecision />
            </>
          )}
        </>
      )}
    </RequireAuth>
  );
}

function DecisionList() {
  const { t } = useTranslation();
  const id = useId();
  const forum = useForum();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status = DECISION_STATUSES.includes(raw as DecisionStatus) ? (raw as DecisionStatus) : undefined;
  const list = useApi<Decision[]>('/decisions', { status });
  const zone = forum.data?.timeZone ?? 'UTC';
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="visually-hidden">
        {t('decision.list.heading')}
      </h2>
      <div className="toolbar">
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('decision.list.filter')}</label>
          <select
            id={`${id}-status`}
            data-testid="decision-filter"
            value={status ?? ''}
            onChange={(e) => setParams(e.target.value ? { status: e.target.value } : {}, { replace: true })}
          >
            <option value="">{t('decision.list.all')}</option>
            {DECISION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`decision.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorBox error={list.error} />
      ) : list.data.length === 0 ? (
        <p>{t('decision.list.none')}</p>
      ) : (
        <ul className="plain-list decision-list card" data-testid="decision-list">
          {list.data.map((d) => (
            <li key={d.id} data-testid="decision-row">
              <Link to={`/decisions/${d.id}`} className="decision-link">
                {d.title}
              </Link>{' '}
              <StatusBadge status={d.status} />{' '}
              <span className="badge mode-badge">{t(`decision.mode.${d.mode}`)}</span>
              <div className="muted small">
                {d.bodyCode} · <SubjectSummary subject={d.subject} />
              </div>
              {d.deadline && (
                <div className="small">
                  <Deadline iso={d.deadline} zone={zone} open={d.status === 'open'} />
                </div>
              )}
              {d.silenceBroken && d.brokenBy.length > 0 && (
                <div className="small">
                  {t('decision.brokenBy', { states: d.brokenBy.map((c) => d.objections.find((o) => o.participant === c)?.participantName ?? c).join(', ') })}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

type SubjectType = 'text' | 'admission' | 'chair' | 'negotiation';
const SUBJECT_TYPES: SubjectType[] = ['text', 'admission', 'chair', 'negotiation'];

/** The chair's console, first part: launch a decision in a meeting or by silence procedure. */
function LaunchDecision() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const forum = useForum();
  const bodies = useApi<Body[]>('/bodies');
  const negotiations = useApi<NegotiationSummary[]>('/negotiations');
  const at = forum.data?.today;
  const participants = useApi<ParticipantList>('/participants', { at }, { enabled: !!at });
  const qc = useQueryClient();
  const navigate = useNavigate();
  const zone = forum.data?.timeZone ?? 'UTC';

  const [bodyCode, setBodyCode] = useState('');
  const [title, setTitle] = useState('');
  const [type, setType] = useState<SubjectType>('text');
  const [text, setText] = useState('');
  const [participant, setParticipant] = useState('');
  const [status, setStatus] = useState<ParticipantStatus>('member');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [negotiationId, setNegotiationId] = useState('');
  const [revision, setRevision] = useState('');
  const [mode, setMode] = useState<'meeting' | 'silence'>('silence');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('18:00');

  const body = bodyCode || bodies.data?.[0]?.code || '';
  const negotiation = negotiations.data?.find((n) => String(n.id) === negotiationId) ?? negotiations.data?.[0];
  const utc = mode === 'silence' ? wallTimeToUtc(date, time, zone) : null;

  const launch = useMutation({
    mutationFn: (input: NewDecision) => apiPost<Decision>('/decisions', input),
    onSuccess: async (d) => {
      await qc.invalidateQueries({ queryKey: ['/decisions'] });
      void navigate(`/decisions/${d.id}`);
    },
  });

  function subject(): NewDecision['subject'] {
    switch (type) {
      case 'text':
        return { type, text: text.trim() };
      case 'admission':
        return { type, participant: participant.trim().toUpperCase(), status };
      case 'chair':
        return { type, participant: participant.trim().toUpperCase(), from, to: to || null };
      case 'negotiation':
        return { type, negotiationId: negotiation?.id ?? 0, revision: Number(revision || negotiation?.revision || 0) };
    }
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    launch.mutate({ bodyCode: body, title: title.trim(), subject: subject(), mode, ...(mode === 'silence' ? { deadline: utc?.toISOString() ?? '' } : {}) });
  }

  return (
    <section className="card" aria-labelledby={`${id}-h`} id="launch">
      <h2 id={`${id}-h`}>{t('decision.launch.title')}</h2>
      <form className="form" onSubmit={onSubmit} data-testid="launch-form">
        <div className="form-row">
          <div className="field">
            <label htmlFor={`${id}-body`}>{t('decision.launch.body')}</label>
            <select id={`${id}-body`} value={body} onChange={(e) => setBodyCode(e.target.value)}>
              {(bodies.data ?? []).map((b) => (
                <option key={b.code} value={b.code}>
                  {b.name} ({b.code})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-title`}>{t('decision.launch.docTitle')}</label>
            <input id={`${id}-title`} data-testid="launch-title" required maxLength={500} value={title} onChange={(e) => setTitle(e.target.value)} />
          </div>
        </div>
        <fieldset>
          <legend>{t('decision.launch.subject')}</legend>
          <div className="radio-row">
            {SUBJECT_TYPES.map((s) => (
              <label key={s} className="check">
                <input type="radio" name={`${id}-type`} value={s} checked={type === s} onChange={() => setType(s)} />
                {t(`decision.subjectType.${s}`)}
              </label>
            ))}
          </div>
          {type === 'text' && (
            <div className="field">
              <label htmlFor={`${id}-text`}>{t('decision.launch.text')}</label>
              <textarea id={`${id}-text`} data-testid="launch-text" rows={6} required value={text} onChange={(e) => setText(e.target.value)} />
            </div>
          )}
          {(type === 'admission' || type === 'chair') && (
            <>
              <datalist id={`${id}-participants`}>
                {(participants.data?.participants ?? []).map((p) => (
                  <option key={p.code} value={p.code}>
                    {p.name}
                  </option>
                ))}
              </datalist>
              <div className="form-row">
                <div className="field">
                  <label htmlFor={`${id}-participant`}>{t('decision.launch.participant')}</label>
                  <input
                    id={`${id}-participant`}
                    list={`${id}-participants`}
                    required
                    minLength={2}
                    maxLength={16}
                    value={participant}
                    onChange={(e) => setParticipant(e.target.value)}
                  />
                </div>
                {type === 'admission' ? (
                  <div className="field">
                    <label htmlFor={`${id}-status`}>{t('decision.launch.asStatus')}</label>
                    <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as ParticipantStatus)}>
                      {STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {t(`status.one.${s}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                ) : (
                  <>
                    <div className="field">
                      <label htmlFor={`${id}-from`}>{t('decision.launch.from')}</label>
                      <input id={`${id}-from`} type="date" required value={from} onChange={(e) => setFrom(e.target.value)} />
                    </div>
                    <div className="field">
                      <label htmlFor={`${id}-to`}>{t('decision.launch.to')}</label>
                      <input id={`${id}-to`} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
                    </div>
                  </>
                )}
              </div>
            </>
          )}
          {type === 'negotiation' && (
            <div className="form-row">
              <div className="field">
                <label htmlFor={`${id}-neg`}>{t('decision.launch.negotiation')}</label>
                <select id={`${id}-neg`} value={negotiation ? String(negotiation.id) : ''} onChange={(e) => { setNegotiationId(e.target.value); setRevision(''); }}>
                  {(negotiations.data ?? []).map((n) => (
                    <option key={n.id} value={n.id}>
                      {n.title} ({n.bodyCode})
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${id}-rev`}>{t('decision.launch.revision')}</label>
                <input
                  id={`${id}-rev`}
                  type="number"
                  min={0}
                  max={negotiation?.revision}
                  required
                  value={revision || String(negotiation?.revision ?? 0)}
                  onChange={(e) => setRevision(e.target.value)}
                />
              </div>
            </div>
          )}
        </fieldset>
        <fieldset>
          <legend>{t('decision.launch.mode')}</legend>
          <div className="radio-row">
            {(['silence', 'meeting'] as const).map((m) => (
              <label key={m} className="check">
                <input type="radio" name={`${id}-mode`} value={m} checked={mode === m} onChange={() => setMode(m)} />
                {t(`decision.mode.${m}`)}
              </label>
            ))}
          </div>
          {mode === 'silence' && (
            <>
              <div className="form-row">
                <div className="field">
                  <label htmlFor={`${id}-date`}>{t('decision.launch.deadlineDate', { zone })}</label>
                  <input id={`${id}-date`} data-testid="launch-date" type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
                </div>
                <div className="field">
                  <label htmlFor={`${id}-time`}>{t('decision.launch.deadlineTime', { zone })}</label>
                  <input id={`${id}-time`} data-testid="launch-time" type="time" required value={time} onChange={(e) => setTime(e.target.value)} />
                </div>
              </div>
              <p className="help" aria-live="polite" data-testid="launch-utc">
                {utc
                  ? t('decision.launch.utc', {
                      utc: new Intl.DateTimeFormat(localeOf(i18n.language), { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(utc),
                    })
                  : t('decision.launch.utcHelp')}
              </p>
            </>
          )}
        </fieldset>
        <div className="actions">
          <button type="submit" className="button" disabled={launch.isPending} data-testid="launch-submit">
            {t('decision.launch.submit')}
          </button>
        </div>
        <FormMessage error={launch.error} />
      </form>
    </section>
  );
}
