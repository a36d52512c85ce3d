import { useId, useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiPost } from '../api';
import { DateText } from '../components/Dates';
import { RequireAuth, SecondFactorBanner } from '../components/RequireAuth';
import { ErrorBox, FormMessage, Loading } from '../components/Status';
import { useApi, usePageTitle } from '../hooks';
import { draftLines, guessLine } from '../features/negotiation/parseDraft';
import { abilitiesOf, KINDS, type Negotiation, type NegotiationSummary, type NewNegotiation, type ProvisionKind } from '../features/negotiation/types';
import type { Body } from '../types';

export default function Negotiations() {
  const { t } = useTranslation();
  usePageTitle(t('negotiation.list.title'));
  return (
    <RequireAuth>
      {(me) => (
        <>
          <h1>{t('negotiation.list.title')}</h1>
          <p className="lead">{t('negotiation.list.intro')}</p>
          <NegotiationList />
          {abilitiesOf(me).facilitate && (
            <>
              <SecondFactorBanner me={me} />
              <TableDraft />
            </>
          )}
        </>
      )}
    </RequireAuth>
  );
}

function NegotiationList() {
  const { t } = useTranslation();
  const list = useApi<NegotiationSummary[]>('/negotiations');
  if (list.isPending) return <Loading />;
  if (list.error) return <ErrorBox error={list.error} />;
  if (list.data.length === 0) return <p>{t('negotiation.list.none')}</p>;
  return (
    <ul className="plain-list negotiation-list card" data-testid="negotiation-list">
      {list.data.map((n) => (
        <li key={n.id}>
          <Link to={`/negotiations/${n.id}`} className="negotiation-link">
            {n.title}
          </Link>{' '}
          <span className="badge">{n.revision === 0 ? t('negotiation.revisions.original') : `Rev.${n.revision}`}</span>
          <div className="muted small">
            {n.bodyCode} · <DateText iso={n.createdAt} />
            {n.openToObservers ? ` · ${t('negotiation.list.openToObservers')}` : ''}
          </div>
          {n.note && <div className="small note-line">{n.note}</div>}
        </li>
      ))}
    </ul>
  );
}

interface Line {
  kind: ProvisionKind;
  text: string;
}

/** Tabling a draft: paste it, check the kind the platform guessed for each line, correct where needed. */
function TableDraft() {
  const { t } = useTranslation();
  const id = useId();
  const bodies = useApi<Body[]>('/bodies');
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [bodyCode, setBodyCode] = useState('');
  const [raw, setRaw] = useState('');
  const [open, setOpen] = useState(false);
  const [overrides, setOverrides] = useState<Record<string, ProvisionKind>>({});
  const lines: Line[] = useMemo(
    () =>
      draftLines(raw).map((l, i) => {
        const g = guessLine(l);
        return { kind: overrides[`${i}:${l}`] ?? g.kind, text: g.text };
      }),
    [raw, overrides],
  );
  const create = useMutation({
    mutationFn: (body: NewNegotiation) => apiPost<Negotiation>('/negotiations', body),
    onSuccess: async (n) => {
      await qc.invalidateQueries({ queryKey: ['/negotiations'] });
      void navigate(`/negotiations/${n.id}`);
    },
  });
  const body = bodyCode || bodies.data?.[0]?.code || '';

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    create.mutate({ title: title.trim(), bodyCode: body, provisions: lines.filter((l) => l.text), openToObservers: open });
  }

  const rawLines = draftLines(raw);
  return (
    <section className="card" aria-labelledby="table-h">
      <h2 id="table-h">{t('negotiation.create.title')}</h2>
      <form className="form" onSubmit={onSubmit} data-testid="table-draft">
        <div className="form-row">
          <div className="field">
            <label htmlFor={`${id}-title`}>{t('negotiation.create.docTitle')}</label>
            <input id={`${id}-title`} required maxLength={500} value={title} onChange={(e) => setTitle(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-body`}>{t('negotiation.create.body')}</label>
            <select id={`${id}-body`} value={body} onChange={(e) => setBodyCode(e.target.value)}>
              {(bodies.data ?? []).map((b) => (
                <option key={b.code} value={b.code}>
                  {b.name} ({b.code})
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-text`}>{t('negotiation.create.text')}</label>
          <textarea id={`${id}-text`} rows={10} required value={raw} aria-describedby={`${id}-help`} onChange={(e) => setRaw(e.target.value)} />
          <span id={`${id}-help`} className="help">
            {t('negotiation.create.textHelp')}
          </span>
        </div>
        {lines.length > 0 && (
          <fieldset>
            <legend>{t('negotiation.create.check', { count: lines.length })}</legend>
            <ol className="draft-lines">
              {lines.map((l, i) => (
                <li key={i}>
                  <label className="visually-hidden" htmlFor={`${id}-k${i}`}>
                    {t('negotiation.create.kindOf', { n: i + 1 })}
                  </label>
                  <select
                    id={`${id}-k${i}`}
                    value={l.kind}
                    onChange={(e) => setOverrides((o) => ({ ...o, [`${i}:${rawLines[i]}`]: e.target.value as ProvisionKind }))}
                  >
                    {KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t(`negotiation.kind.${k}`)}
                      </option>
                    ))}
                  </select>
                  <span className={`draft-line kind-${l.kind}`}>{l.text}</span>
                </li>
              ))}
            </ol>
          </fieldset>
        )}
        <label className="check">
          <input type="checkbox" checked={open} onChange={(e) => setOpen(e.target.checked)} />
          {t('negotiation.create.openToObservers')}
        </label>
        <div className="actions">
          <button type="submit" className="button" disabled={create.isPending || lines.length === 0} data-testid="table-submit">
            {t('negotiation.create.submit')}
          </button>
        </div>
        <FormMessage error={create.error} />
      </form>
    </section>
  );
}
