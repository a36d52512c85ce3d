import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiPost } from '../api';
import { useApi, useForum, usePageTitle } from '../hooks';
import { InviteForm } from '../components/InviteForm';
import { RequireAuth, SecondFactorBanner } from '../components/RequireAuth';
import { FormMessage } from '../components/Status';
import { STATUSES, type ParticipantKind, type ParticipantList, type ParticipantStatus } from '../types';

const PARTICIPANT_LIST = 'registry-participants';

export default function Registry() {
  const { t } = useTranslation();
  usePageTitle(t('registry.title'));
  return (
    <RequireAuth roles={['secretariat']}>
      {(me) => (
        <>
          <h1>{t('registry.title')}</h1>
          <SecondFactorBanner me={me} />
          <ParticipantOptions />
          <nav aria-label={t('registry.sections')} className="toc">
            <ul>
              <li><a href="#add-participant">{t('registry.add.title')}</a></li>
              <li><a href="#record-status">{t('registry.status.title')}</a></li>
              <li><a href="#record-chair">{t('registry.chair.title')}</a></li>
              <li><a href="#invite">{t('invite.title')}</a></li>
            </ul>
          </nav>
          <AddParticipant />
          <RecordStatus />
          <RecordChairmanship />
          <section id="invite" aria-labelledby="invite-h" className="card">
            <h2 id="invite-h">{t('invite.title')}</h2>
            <InviteForm participantListId={PARTICIPANT_LIST} />
          </section>
        </>
      )}
    </RequireAuth>
  );
}

/** Codes of everyone holding a status today, offered as suggestions in the participant fields. */
function ParticipantOptions() {
  const forum = useForum();
  const at = forum.data?.today;
  const m = useApi<ParticipantList>('/participants', { at, status: 'member' }, { enabled: !!at });
  const o = useApi<ParticipantList>('/participants', { at, status: 'observer' }, { enabled: !!at });
  const p = useApi<ParticipantList>('/participants', { at, status: 'partner' }, { enabled: !!at });
  const all = [...(m.data?.participants ?? []), ...(o.data?.participants ?? []), ...(p.data?.participants ?? [])];
  return (
    <datalist id={PARTICIPANT_LIST}>
      {all.map((x) => (
        <option key={x.code} value={x.code}>
          {x.name}
        </option>
      ))}
    </datalist>
  );
}

function useRegistryMutation<T>(fn: (body: T) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' }),
  });
}

function AddParticipant() {
  const { t } = useTranslation();
  const id = useId();
  const [code, setCode] = useState('');
  const [kind, setKind] = useState<ParticipantKind>('state');
  const [names, setNames] = useState({ en: '', ru: '', fr: '' });
  const [withStatus, setWithStatus] = useState(true);
  const [status, setStatus] = useState<ParticipantStatus>('observer');
  const [from, setFrom] = useState('');
  const [reference, setReference] = useState('');
  const add = useRegistryMutation((body: unknown) => apiPost('/participants', body));
  const [done, setDone] = useState<string | null>(null);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    const name = Object.fromEntries(Object.entries(names).filter(([, v]) => v.trim()).map(([k, v]) => [k, v.trim()]));
    const c = code.trim().toUpperCase();
    add.mutate(
      {
        code: c,
        kind,
        name,
        ...(withStatus && from ? { status: { status, from, reference: reference.trim() || null } } : {}),
      },
      { onSuccess: () => setDone(t('registry.add.done', { code: c })) },
    );
  }

  return (
    <section id="add-participant" aria-labelledby="add-h" className="card">
      <h2 id="add-h">{t('registry.add.title')}</h2>
      <form onSubmit={onSubmit} className="form">
        <div className="form-row">
          <div className="field">
            <label htmlFor={`${id}-code`}>{t('registry.code')}</label>
            <input
              id={`${id}-code`}
              required
              minLength={2}
              maxLength={16}
              aria-describedby={`${id}-code-help`}
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
            <span id={`${id}-code-help`} className="help">
              {t('registry.codeHelp')}
            </span>
          </div>
          <div className="field">
            <label htmlFor={`${id}-kind`}>{t('participants.kind')}</label>
            <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as ParticipantKind)}>
              <option value="state">{t('kind.state')}</option>
              <option value="organization">{t('kind.organization')}</option>
            </select>
          </div>
        </div>
        <div className="form-row">
          {(['en', 'ru', 'fr'] as const).map((l) => (
            <div className="field" key={l}>
              <label htmlFor={`${id}-name-${l}`}>{t(`registry.name.${l}`)}</label>
              <input
                id={`${id}-name-${l}`}
                lang={l}
                required={l === 'en'}
                value={names[l]}
                onChange={(e) => setNames((n) => ({ ...n, [l]: e.target.value }))}
              />
            </div>
          ))}
        </div>
        <fieldset>
          <legend>{t('registry.add.initial')}</legend>
          <label className="check">
            <input type="checkbox" checked={withStatus} onChange={(e) => setWithStatus(e.target.checked)} />
            {t('registry.add.withStatus')}
          </label>
          {withStatus && (
            <div className="form-row">
              <StatusSelect id={`${id}-status`} value={status} onChange={setStatus} />
              <div className="field">
                <label htmlFor={`${id}-from`}>{t('participant.from')}</label>
                <input id={`${id}-from`} type="date" required value={from} onChange={(e) => setFrom(e.target.value)} />
              </div>
              <div className="field">
                <label htmlFor={`${id}-ref`}>{t('participant.reference')}</label>
                <input id={`${id}-ref`} value={reference} maxLength={500} onChange={(e) => setReference(e.target.value)} />
              </div>
            </div>
          )}
        </fieldset>
        <div className="actions">
          <button type="submit" className="button" disabled={add.isPending}>
            {t('registry.add.submit')}
          </button>
        </div>
        <FormMessage error={add.error} success={done} />
      </form>
    </section>
  );
}

function StatusSelect({ id, value, onChange }: { id: string; value: ParticipantStatus; onChange: (s: ParticipantStatus) => void }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{t('participant.status')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as ParticipantStatus)}>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`status.one.${s}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

function ParticipantField({ id, value, onChange }: { id: string; value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{t('registry.participant')}</label>
      <input id={id} required list={PARTICIPANT_LIST} maxLength={16} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

function RecordStatus() {
  const { t } = useTranslation();
  const id = useId();
  const [code, setCode] = useState('');
  const [status, setStatus] = useState<ParticipantStatus>('member');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const rec = useRegistryMutation(({ c, body }: { c: string; body: unknown }) => apiPost(`/participants/${encodeURIComponent(c)}/statuses`, body));

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    const c = code.trim().toUpperCase();
    rec.mutate(
      { c, body: { status, from, to: to || null, reference: reference.trim() || null, note: note.trim() || null } },
      { onSuccess: () => setDone(t('registry.status.done', { code: c })) },
    );
  }

  return (
    <section id="record-status" aria-labelledby="status-h" className="card">
      <h2 id="status-h">{t('registry.status.title')}</h2>
      <form onSubmit={onSubmit} className="form">
        <div className="form-row">
          <ParticipantField id={`${id}-p`} value={code} onChange={setCode} />
          <StatusSelect id={`${id}-s`} value={status} onChange={setStatus} />
        </div>
        <div className="form-row">
          <div className="field">
            <label htmlFor={`${id}-from`}>{t('participant.from')}</label>
            <input id={`${id}-from`} type="date" required value={from} onChange={(e) => setFrom(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>{t('registry.toOptional')}</label>
            <input id={`${id}-to`} type="date" value={to} aria-describedby={`${id}-to-help`} onChange={(e) => setTo(e.target.value)} />
            <span id={`${id}-to-help`} className="help">
              {t('registry.toHelp')}
            </span>
          </div>
        </div>
        <div className="form-row">
          <div className="field">
            <label htmlFor={`${id}-ref`}>{t('participant.reference')}</label>
            <input id={`${id}-ref`} maxLength={500} value={reference} onChange={(e) => setReference(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-note`}>{t('participant.note')}</label>
            <input id={`${id}-note`} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={rec.isPending}>
            {t('registry.status.submit')}
          </button>
        </div>
        <FormMessage error={rec.error} success={done} />
      </form>
    </section>
  );
}

function RecordChairmanship() {
  const { t } = useTranslation();
  const id = useId();
  const [code, setCode] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [reference, setReference] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const rec = useRegistryMutation((body: unknown) => apiPost('/chairmanships', body));

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    const c = code.trim().toUpperCase();
    rec.mutate(
      { participant: c, from, to: to || null, reference: reference.trim() || null },
      { onSuccess: () => setDone(t('registry.chair.done', { code: c })) },
    );
  }

  return (
    <section id="record-chair" aria-labelledby="chair-h" className="card">
      <h2 id="chair-h">{t('registry.chair.title')}</h2>
      <form onSubmit={onSubmit} className="form">
        <div className="form-row">
          <ParticipantField id={`${id}-p`} value={code} onChange={setCode} />
          <div className="field">
            <label htmlFor={`${id}-from`}>{t('participant.from')}</label>
            <input id={`${id}-from`} type="date" required value={from} onChange={(e) => setFrom(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>{t('registry.toOptional')}</label>
            <input id={`${id}-to`} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-ref`}>{t('participant.reference')}</label>
          <input id={`${id}-ref`} maxLength={500} value={reference} onChange={(e) => setReference(e.target.value)} />
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={rec.isPending}>
            {t('registry.chair.submit')}
          </button>
        </div>
        <FormMessage error={rec.error} success={done} />
      </form>
    </section>
  );
}
