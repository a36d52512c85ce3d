import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiPost } from '../api';
import { RequireAuth, SecondFactorBanner } from '../components/RequireAuth';
import { ErrorBox, FormMessage, Loading } from '../components/Status';
import { DateText } from '../components/Dates';
import { localeOf } from '../format';
import { useApi, useForum, usePageTitle } from '../hooks';
import { Deadline, useNow, ZonedInstant } from '../features/decision/Deadline';
import { StatusBadge, SubjectDetail } from '../features/decision/Subject';
import { wallTimeToUtc } from '../features/decision/time';
import { decisionAbilitiesOf, type Decision } from '../features/decision/types';
import type { Me, ParticipantList } from '../types';

export default function DecisionPage() {
  const { id } = useParams();
  return <RequireAuth>{(me) => <DecisionView id={Number(id)} me={me} />}</RequireAuth>;
}

function useDecisionMutation<T>(id: number, fn: (body: T) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: [`/decisions/${id}`] });
      await qc.invalidateQueries({ queryKey: ['/decisions'] });
    },
  });
}

function DecisionView({ id, me }: { id: number; me: Me }) {
  const { t } = useTranslation();
  const forum = useForum();
  const q = useApi<Decision>(`/decisions/${id}`);
  usePageTitle(q.data?.title ?? t('decision.list.title'));
  const zone = forum.data?.timeZone ?? 'UTC';
  const now = useNow();
  const d = q.data;
  const waiting = !!d && d.status === 'open' && !!d.deadline && new Date(d.deadline).getTime() <= now;
  const { refetch } = q;
  // Past the deadline the server's scheduler concludes; ask again until the outcome arrives.
  useEffect(() => {
    if (!waiting) return;
    const h = setInterval(() => void refetch(), 5000);
    return () => clearInterval(h);
  }, [waiting, refetch]);

  if (q.isPending) return <Loading />;
  if (q.error || !d) return <ErrorBox error={q.error} />;
  const can = decisionAbilitiesOf(me);
  const open = d.status === 'open';
  const nameOf = (code: string) => d.objections.find((o) => o.participant === code)?.participantName ?? code;

  return (
    <article className="decision" data-testid="decision">
      <p className="breadcrumb">
        <Link to="/decisions">{t('decision.list.title')}</Link>
      </p>
      <header>
        <h1 data-testid="decision-title">{d.title}</h1>
        <p>
          <StatusBadge status={d.status} /> <span className="badge mode-badge">{t(`decision.mode.${d.mode}`)}</span>
        </p>
      </header>

      {d.silenceBroken && d.brokenBy.length > 0 && (
        <p className="alert alert-warning" data-testid="silence-broken">
          {t('decision.brokenBy', { states: d.brokenBy.map(nameOf).join(', ') })}
        </p>
      )}
      {waiting && (
        <p className="alert alert-warning" role="status">
          {t('decision.awaiting')}
        </p>
      )}

      <dl className="facts card">
        <dt>{t('decision.fields.body')}</dt>
        <dd>{d.bodyCode}</dd>
        <dt>{t('decision.fields.mode')}</dt>
        <dd>{t(`decision.modeExplain.${d.mode}`)}</dd>
        <dt>{t('decision.fields.opened')}</dt>
        <dd>
          <ZonedInstant iso={d.openedAt} zone={zone} />
          <br />
          <span className="muted small">{t('decision.fields.openedOn')} <DateText iso={d.openedOn} /></span>
        </dd>
        {d.deadline && (
          <>
            <dt>{t('decision.deadline')}</dt>
            <dd>
              <Deadline iso={d.deadline} zone={zone} open={open} label={false} />
            </dd>
          </>
        )}
        {d.extensions.length > 0 && d.originalDeadline && (
          <>
            <dt>{t('decision.fields.originalDeadline')}</dt>
            <dd>
              <ZonedInstant iso={d.originalDeadline} zone={zone} />
              <ul className="plain-list small" data-testid="extensions">
                {d.extensions.map((x, i) => (
                  <li key={i}>
                    {t('decision.fields.extendedTo')} <ZonedInstant iso={x.to} zone={zone} />
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {d.adoptedAt && (
          <>
            <dt>{t('decision.fields.adoptedAt')}</dt>
            <dd>
              <ZonedInstant iso={d.adoptedAt} zone={zone} />
            </dd>
          </>
        )}
        {d.adoptedAt && d.effectiveAt && d.effectiveAt !== d.adoptedAt && (
          <>
            <dt>{t('decision.fields.effectiveAt')}</dt>
            <dd>
              <ZonedInstant iso={d.effectiveAt} zone={zone} />
            </dd>
          </>
        )}
        {d.concludedAt && !d.adoptedAt && (
          <>
            <dt>{t('decision.fields.concludedAt')}</dt>
            <dd>
              <ZonedInstant iso={d.concludedAt} zone={zone} />
            </dd>
          </>
        )}
      </dl>

      <section aria-labelledby="subject-h" className="card">
        <h2 id="subject-h">{t('decision.sections.subject')}</h2>
        <SubjectDetail subject={d.subject} />
      </section>

      <section aria-labelledby="objections-h" className="card">
        <h2 id="objections-h">{t(d.mode === 'silence' ? 'decision.sections.objectionsSilence' : 'decision.sections.objectionsMeeting')}</h2>
        {d.objections.length === 0 ? (
          <p className="muted">{t(d.mode === 'silence' ? 'decision.noObjectionsSilence' : 'decision.noObjectionsMeeting')}</p>
        ) : (
          <ul className="plain-list act-list" data-testid="objections">
            {d.objections.map((o) => (
              <li key={o.id} className="act" data-testid="objection">
                <strong>{o.participantName}</strong> — {t(`decision.objectionKind.${o.kind}`, { defaultValue: o.kind })}{' '}
                <span className={`badge ${o.counts ? 'badge-warn' : ''}`}>{o.counts ? t('decision.counts') : t('decision.doesNotCount')}</span>
                <div className="muted small">
                  <ZonedInstant iso={o.at} zone={zone} />
                </div>
                {o.reason && <p className="act-text">{o.reason}</p>}
                {o.amendment && (
                  <blockquote className="act-text">
                    <span className="visually-hidden">{t('decision.amendment')}: </span>
                    {o.amendment}
                  </blockquote>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="statements-h" className="card">
        <h2 id="statements-h">{t('decision.sections.statements')}</h2>
        {d.statements.length === 0 ? (
          <p className="muted">{t('decision.noStatements')}</p>
        ) : (
          <ul className="plain-list act-list" data-testid="statements">
            {d.statements.map((s) => (
              <li key={s.id} className="act" data-testid="statement">
                <strong>{s.participantName}</strong> — {t(`decision.statementKind.${s.kind}`, { defaultValue: s.kind })}
                <div className="muted small">
                  <ZonedInstant iso={s.at} zone={zone} />
                </div>
                <p className="act-text">{s.text}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {(d.chain.recommendedBy !== null || d.chain.recommends.length > 0) && (
        <section aria-labelledby="chain-h" className="card">
          <h2 id="chain-h">{t('decision.sections.chain')}</h2>
          <ul className="plain-list" data-testid="chain">
            {d.chain.recommendedBy !== null && (
              <li>
                {t('decision.chain.recommendedBy')} <Link to={`/decisions/${d.chain.recommendedBy}`}>{t('decision.chain.decision', { id: d.chain.recommendedBy })}</Link>
              </li>
            )}
            {d.chain.recommends.map((r) => (
              <li key={r.id}>
                {t('decision.chain.recommends')} <Link to={`/decisions/${r.id}`}>{r.title}</Link> ({r.bodyCode}) <StatusBadge status={r.status} />
              </li>
            ))}
          </ul>
        </section>
      )}

      {d.documents.length > 0 && (
        <section aria-labelledby="documents-h" className="card">
          <h2 id="documents-h">{t('decision.sections.documents')}</h2>
          <ul className="plain-list" data-testid="documents">
            {d.documents.map((doc) => (
              <li key={doc.id}>
                <strong className="symbol">{doc.symbol}</strong> — {doc.title}
                {doc.contentHash && (
                  <div className="muted small">
                    {t('decision.subject.hash')} <code className="hash">{doc.contentHash}</code>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {d.trail.length > 0 && (
        <section aria-labelledby="trail-h" className="card">
          <h2 id="trail-h">{t('decision.trail.title')}</h2>
          <p className="muted small">{t('decision.trail.intro')}</p>
          <ol className="plain-list" data-testid="trail">
            {d.trail.map((e) => (
              <li key={e.seq}>
                <strong>{t(`decision.trail.actions.${e.action.replace('decision.', '')}`, { defaultValue: e.action })}</strong>
                {e.participant && <> — {e.participant}</>} · <ZonedInstant iso={e.at} zone={zone} /> · <span className="muted small">#{e.seq}</span>{' '}
                <code className="hash">{e.hash.slice(0, 12)}</code>
              </li>
            ))}
          </ol>
        </section>
      )}

      {open && (can.head || can.facilitate) && <SecondFactorBanner me={me} />}
      {open && can.head && can.delegation && d.mode === 'silence' && <BreakSilence decision={d} state={can.delegation.name} zone={zone} />}
      {open && !can.head && can.delegation && d.mode === 'silence' && (
        <p className="muted" data-testid="only-heads">
          {t('decision.break.onlyHeads', { state: can.delegation.name })}
        </p>
      )}
      {open && can.head && <AttachStatement decision={d} />}
      {open && can.facilitate && <ChairConsole decision={d} zone={zone} />}
    </article>
  );
}

/** Breaking silence: choose objection or amendment, give reasons, read what it means, then confirm. */
function BreakSilence({ decision, state, zone }: { decision: Decision; state: string; zone: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [kind, setKind] = useState<'objection' | 'amendment'>('objection');
  const [reason, setReason] = useState('');
  const [amendment, setAmendment] = useState('');
  const [step, setStep] = useState<'write' | 'confirm' | 'done'>('write');
  const submit = useDecisionMutation(decision.id, (body: { reason?: string; amendment?: string }) => apiPost(`/decisions/${decision.id}/objections`, body));
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  // Move focus to the confirmation when it appears, so keyboard and screen-reader users read it first.
  useEffect(() => {
    if (step === 'confirm') confirmHeading.current?.focus();
  }, [step]);

  function onContinue(e: FormEvent) {
    e.preventDefault();
    submit.reset();
    setStep('confirm');
  }
  function onConfirm() {
    submit.mutate(kind === 'objection' ? { reason: reason.trim() } : { amendment: amendment.trim(), reason: reason.trim() }, {
      onSuccess: () => setStep('done'),
    });
  }

  return (
    <section aria-labelledby={`${id}-h`} className="card break-silence" data-testid="break-silence">
      <h2 id={`${id}-h`}>{t('decision.break.title')}</h2>
      {step === 'write' && (
        <form className="form" onSubmit={onContinue}>
          <p>{t('decision.break.intro', { state })}</p>
          <fieldset>
            <legend>{t('decision.break.kind')}</legend>
            <div className="radio-row">
              {(['objection', 'amendment'] as const).map((k) => (
                <label key={k} className="check">
                  <input type="radio" name={`${id}-kind`} value={k} data-testid={`break-kind-${k}`} checked={kind === k} onChange={() => setKind(k)} />
                  {t(`decision.objectionKind.${k}`)}
                </label>
              ))}
            </div>
          </fieldset>
          {kind === 'amendment' && (
            <div className="field">
              <label htmlFor={`${id}-amendment`}>{t('decision.break.amendment')}</label>
              <textarea id={`${id}-amendment`} rows={5} required maxLength={20000} value={amendment} onChange={(e) => setAmendment(e.target.value)} data-testid="break-amendment" />
            </div>
          )}
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t('decision.break.reason')}</label>
            <textarea
              id={`${id}-reason`}
              rows={4}
              required
              maxLength={10000}
              aria-describedby={`${id}-reason-help`}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              data-testid="break-reason"
            />
            <span id={`${id}-reason-help`} className="help">
              {t('decision.break.reasonHelp')}
            </span>
          </div>
          <div className="actions">
            <button type="submit" className="button" data-testid="break-continue" disabled={!reason.trim() || (kind === 'amendment' && !amendment.trim())}>
              {t('decision.break.continue')}
            </button>
          </div>
        </form>
      )}
      {step === 'confirm' && (
        <div className="confirm" data-testid="break-confirm-step">
          <h3 tabIndex={-1} ref={confirmHeading}>
            {t('decision.break.confirmTitle')}
          </h3>
          <p data-testid="break-explain">{t('decision.break.explain', { state, title: decision.title })}</p>
          {decision.deadline && (
            <p className="small">
              {t('decision.deadline')} <ZonedInstant iso={decision.deadline} zone={zone} />
            </p>
          )}
          <dl className="facts">
            <dt>{t('decision.break.actingFor')}</dt>
            <dd data-testid="break-state">{state}</dd>
            <dt>{t('decision.break.kind')}</dt>
            <dd>{t(`decision.objectionKind.${kind}`)}</dd>
            {kind === 'amendment' && (
              <>
                <dt>{t('decision.amendment')}</dt>
                <dd>{amendment}</dd>
              </>
            )}
            <dt>{t('decision.break.reasonShort')}</dt>
            <dd>{reason}</dd>
          </dl>
          <div className="actions button-group">
            <button type="button" className="button button-danger" onClick={onConfirm} disabled={submit.isPending} data-testid="break-submit">
              {t('decision.break.submit', { state })}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setStep('write')} disabled={submit.isPending}>
              {t('decision.break.back')}
            </button>
          </div>
          <FormMessage error={submit.error} />
        </div>
      )}
      {step === 'done' && <FormMessage success={t('decision.break.done', { state })} />}
    </section>
  );
}

function AttachStatement({ decision }: { decision: Decision }) {
  const { t } = useTranslation();
  const id = useId();
  const [kind, setKind] = useState<'interpretative' | 'reservation'>('interpretative');
  const [text, setText] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const submit = useDecisionMutation(decision.id, (body: { kind: string; text: string }) => apiPost(`/decisions/${decision.id}/statements`, body));
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    submit.mutate(
      { kind, text: text.trim() },
      {
        onSuccess: () => {
          setText('');
          setDone(t('decision.statement.done'));
        },
      },
    );
  }
  return (
    <section aria-labelledby={`${id}-h`} className="card" data-testid="attach-statement">
      <h2 id={`${id}-h`}>{t('decision.statement.title')}</h2>
      <form className="form" onSubmit={onSubmit}>
        <p className="help">{t('decision.statement.intro')}</p>
        <fieldset>
          <legend>{t('decision.statement.kind')}</legend>
          <div className="radio-row">
            {(['interpretative', 'reservation'] as const).map((k) => (
              <label key={k} className="check">
                <input type="radio" name={`${id}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} />
                {t(`decision.statementKind.${k}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-text`}>{t('decision.statement.text')}</label>
          <textarea id={`${id}-text`} rows={4} required maxLength={20000} value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <div className="actions">
          <button type="submit" className="button button-secondary" disabled={submit.isPending || !text.trim()}>
            {t('decision.statement.submit')}
          </button>
        </div>
        <FormMessage error={submit.error} success={done} />
      </form>
    </section>
  );
}

/** The chair's console: record objections raised in the room, conclude, or extend a silence deadline. */
function ChairConsole({ decision, zone }: { decision: Decision; zone: string }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section aria-labelledby={`${id}-h`} className="card" data-testid="chair-console">
      <h2 id={`${id}-h`}>{t('decision.console.title')}</h2>
      {decision.mode === 'meeting' ? (
        <>
          <RoomObjection decision={decision} />
          <Conclude decision={decision} />
        </>
      ) : (
        <Extend decision={decision} zone={zone} />
      )}
      <Withdraw decision={decision} />
    </section>
  );
}

function RoomObjection({ decision }: { decision: Decision }) {
  const { t } = useTranslation();
  const id = useId();
  const members = useApi<ParticipantList>('/participants', { at: decision.openedOn, status: 'member' });
  const [participant, setParticipant] = useState('');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const submit = useDecisionMutation(decision.id, (body: { participant: string; reason?: string }) => apiPost(`/decisions/${decision.id}/room-objections`, body));
  const list = members.data?.participants ?? [];
  const chosen = participant || list[0]?.code || '';
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    const name = list.find((p) => p.code === chosen)?.name ?? chosen;
    submit.mutate(
      { participant: chosen, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      {
        onSuccess: () => {
          setReason('');
          setDone(t('decision.console.roomDone', { state: name }));
        },
      },
    );
  }
  return (
    <form className="form" onSubmit={onSubmit} data-testid="room-objection">
      <h3>{t('decision.console.roomTitle')}</h3>
      <div className="form-row">
        <div className="field">
          <label htmlFor={`${id}-p`}>{t('decision.console.roomState')}</label>
          <select id={`${id}-p`} value={chosen} onChange={(e) => setParticipant(e.target.value)}>
            {list.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name} ({p.code})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-r`}>{t('decision.console.roomReason')}</label>
          <input id={`${id}-r`} maxLength={10000} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
      </div>
      <div className="actions">
        <button type="submit" className="button button-secondary" disabled={submit.isPending || !chosen}>
          {t('decision.console.roomSubmit')}
        </button>
      </div>
      <FormMessage error={submit.error} success={done} />
    </form>
  );
}

function Conclude({ decision }: { decision: Decision }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const submit = useDecisionMutation(decision.id, () => apiPost(`/decisions/${decision.id}/conclude`));
  const objecting = decision.objections.filter((o) => o.counts).length;
  return (
    <div className="form" data-testid="conclude">
      <h3>{t('decision.console.concludeTitle')}</h3>
      <p>{objecting === 0 ? t('decision.console.concludeNone') : t('decision.console.concludeSome', { count: objecting })}</p>
      <div className="actions button-group">
        {!confirming ? (
          <button type="button" className="button" onClick={() => setConfirming(true)} data-testid="conclude-start">
            {t('decision.console.conclude')}
          </button>
        ) : (
          <>
            <button type="button" className="button" onClick={() => submit.mutate(undefined)} disabled={submit.isPending} data-testid="conclude-confirm">
              {t('decision.console.concludeConfirm')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
              {t('decision.break.back')}
            </button>
          </>
        )}
      </div>
      <FormMessage error={submit.error} />
    </div>
  );
}

function Extend({ decision, zone }: { decision: Decision; zone: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [date, setDate] = useState('');
  const [time, setTime] = useState('18:00');
  const [done, setDone] = useState<string | null>(null);
  const submit = useDecisionMutation(decision.id, (body: { deadline: string }) => apiPost(`/decisions/${decision.id}/extend`, body));
  const utc = wallTimeToUtc(date, time, zone);
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    if (!utc) return;
    submit.mutate({ deadline: utc.toISOString() }, { onSuccess: () => setDone(t('decision.console.extendDone')) });
  }
  return (
    <form className="form" onSubmit={onSubmit} data-testid="extend">
      <h3>{t('decision.console.extendTitle')}</h3>
      <div className="form-row">
        <div className="field">
          <label htmlFor={`${id}-d`}>{t('decision.launch.deadlineDate', { zone })}</label>
          <input id={`${id}-d`} type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-t`}>{t('decision.launch.deadlineTime', { zone })}</label>
          <input id={`${id}-t`} type="time" required value={time} onChange={(e) => setTime(e.target.value)} />
        </div>
      </div>
      <p className="help" aria-live="polite">
        {utc
          ? t('decision.launch.utc', { utc: new Intl.DateTimeFormat(localeOf(i18n.language), { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(utc) })
          : t('decision.launch.utcHelp')}
      </p>
      <div className="actions">
        <button type="submit" className="button button-secondary" disabled={submit.isPending || !utc}>
          {t('decision.console.extend')}
        </button>
      </div>
      <FormMessage error={submit.error} success={done} />
    </form>
  );
}

function Withdraw({ decision }: { decision: Decision }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const submit = useDecisionMutation(decision.id, () => apiPost(`/decisions/${decision.id}/withdraw`));
  return (
    <div className="form" data-testid="withdraw">
      <h3>{t('decision.console.withdrawTitle')}</h3>
      <p className="help">{t('decision.console.withdrawHelp')}</p>
      <div className="actions button-group">
        {!confirming ? (
          <button type="button" className="button button-secondary" onClick={() => setConfirming(true)}>
            {t('decision.console.withdraw')}
          </button>
        ) : (
          <>
            <button type="button" className="button button-danger" onClick={() => submit.mutate(undefined)} disabled={submit.isPending}>
              {t('decision.console.withdrawConfirm')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
              {t('decision.break.back')}
            </button>
          </>
        )}
      </div>
      <FormMessage error={submit.error} />
    </div>
  );
}
