import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InstantText } from '../../components/Dates';
import { ErrorBox, FormMessage, Loading } from '../../components/Status';
import { useApi } from '../../hooks';
import { useNegotiationAct } from './live';
import type { Negotiation, RevisionDiff } from './types';

export function exportHref(id: number | string, view: 'clean' | 'compilation', format: 'docx' | 'html' | 'text', extra: Record<string, string> = {}) {
  return `/api/negotiations/${id}/text?${new URLSearchParams({ view, format, ...extra }).toString()}`;
}

export function ExportLinks({ n, mine }: { n: Negotiation; mine: boolean }) {
  const { t } = useTranslation();
  return (
    <details className="exports">
      <summary>{t('negotiation.export.title')}</summary>
      <ul className="plain-list">
        {(['compilation', 'clean'] as const).map((view) => (
          <li key={view}>
            <span className="muted">{t(`negotiation.view.${view}`)}:</span>{' '}
            {(['docx', 'html', 'text'] as const).map((f, i) => (
              <span key={f}>
                {i > 0 && ' · '}
                <a href={exportHref(n.id, view, f)} data-testid={`export-${view}-${f}`} {...(f === 'docx' ? { download: true } : { target: '_blank', rel: 'noopener' })}>
                  {t(`negotiation.export.${f}`)}
                </a>
              </span>
            ))}
          </li>
        ))}
        {mine && (
          <li>
            <span className="muted">{t('negotiation.export.mine')}:</span>{' '}
            <a href={exportHref(n.id, 'compilation', 'docx', { mine: 'true' })} download>
              {t('negotiation.export.docx')}
            </a>
            {' · '}
            <a href={exportHref(n.id, 'compilation', 'html', { mine: 'true' })} target="_blank" rel="noopener">
              {t('negotiation.export.html')}
            </a>
          </li>
        )}
      </ul>
    </details>
  );
}

const revName = (n: number, t: (k: string, o?: Record<string, unknown>) => string) => (n === 0 ? t('negotiation.revisions.original') : `Rev.${n}`);

export function Revisions({ n, facilitate }: { n: Negotiation; facilitate: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const last = n.revisions.length ? Math.max(...n.revisions.map((r) => r.number)) : 0;
  const [from, setFrom] = useState(Math.max(0, last - 1));
  const [to, setTo] = useState(last);
  const [compare, setCompare] = useState<{ from: number; to: number } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const issue = useNegotiationAct(String(n.id), () => `/negotiations/${n.id}/revisions`);
  return (
    <section className="card revisions" aria-labelledby="revisions-h" id="revisions">
      <h2 id="revisions-h">{t('negotiation.revisions.title')}</h2>
      <ul className="plain-list" data-testid="revision-list">
        {[...n.revisions].reverse().map((r) => (
          <li key={r.number} className="revision-item">
            <strong>{revName(r.number, t)}</strong> <InstantText iso={r.issuedAt} />{' '}
            <code className="hash" title={r.contentHash}>
              {r.contentHash.slice(0, 12)}
            </code>{' '}
            <a href={exportHref(n.id, 'clean', 'docx', { revision: String(r.number) })} download>
              {t('negotiation.revisions.cleanDocx', { rev: revName(r.number, t) })}
            </a>
          </li>
        ))}
      </ul>
      {facilitate && (
        <div className="actions issue-revision">
          <button
            type="button"
            className="button"
            disabled={issue.isPending}
            data-testid="issue-revision"
            onClick={() => {
              setDone(null);
              issue.mutate(undefined, { onSuccess: () => setDone(t('negotiation.revisions.issued', { rev: `Rev.${last + 1}` })) });
            }}
          >
            {t('negotiation.revisions.issue', { rev: `Rev.${last + 1}` })}
          </button>
          <FormMessage error={issue.error} success={done} />
        </div>
      )}
      {n.revisions.length > 1 && (
        <form
          className="form inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            setCompare({ from, to });
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-from`}>{t('negotiation.revisions.from')}</label>
            <select id={`${id}-from`} value={from} onChange={(e) => setFrom(Number(e.target.value))}>
              {n.revisions.map((r) => (
                <option key={r.number} value={r.number}>
                  {revName(r.number, t)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>{t('negotiation.revisions.to')}</label>
            <select id={`${id}-to`} value={to} onChange={(e) => setTo(Number(e.target.value))}>
              {n.revisions.map((r) => (
                <option key={r.number} value={r.number}>
                  {revName(r.number, t)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button-secondary">
            {t('negotiation.revisions.compare')}
          </button>
        </form>
      )}
      {compare && <DiffView negotiationId={n.id} from={compare.from} to={compare.to} />}
    </section>
  );
}

function DiffView({ negotiationId, from, to }: { negotiationId: number; from: number; to: number }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const diff = useApi<RevisionDiff>(`/negotiations/${negotiationId}/diff`, { from, to });
  if (diff.isPending) return <Loading />;
  if (diff.error) return <ErrorBox error={diff.error} />;
  const changes = diff.data.changes.filter((c) => all || c.change !== 'unchanged');
  const changed = diff.data.changes.filter((c) => c.change !== 'unchanged').length;
  return (
    <div className="diff" data-testid="revision-diff" aria-live="polite">
      <h3>{t('negotiation.revisions.diffTitle', { from: revName(from, t), to: revName(to, t), count: changed })}</h3>
      <label className="check">
        <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />
        {t('negotiation.revisions.showUnchanged')}
      </label>
      <ol className="diff-list">
        {changes.map((c) => (
          <li key={c.provisionId} className={`diff-${c.change}`}>
            <span className="diff-num">
              {c.numFrom !== c.numTo && c.numFrom && c.numTo ? `${c.numFrom} → ${c.numTo}` : (c.numTo ?? c.numFrom ?? '')}
            </span>{' '}
            <span className="badge">{t(`negotiation.revisions.change.${c.change}`)}</span>{' '}
            <span className="diff-text">
              {(c.diff ?? []).map((d, i) =>
                d.op === 'equal' ? (
                  <span key={i}>{d.words.join(' ')} </span>
                ) : d.op === 'delete' ? (
                  <del key={i}>
                    <span className="visually-hidden">[{t('negotiation.revisions.deleted')}: </span>
                    {d.words.join(' ')}
                    <span className="visually-hidden">]</span>{' '}
                  </del>
                ) : (
                  <ins key={i}>
                    <span className="visually-hidden">[{t('negotiation.revisions.inserted')}: </span>
                    {d.words.join(' ')}
                    <span className="visually-hidden">]</span>{' '}
                  </ins>
                ),
              )}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
