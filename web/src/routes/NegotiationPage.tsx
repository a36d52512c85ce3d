import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { referenceLabels } from '../../../src/core/negotiation';
import { useMe } from '../auth';
import { RequireAuth } from '../components/RequireAuth';
import { ErrorBox, Loading } from '../components/Status';
import { useApi, usePageTitle } from '../hooks';
import { useLiveNegotiation, useNegotiation } from '../features/negotiation/live';
import { OverviewBar } from '../features/negotiation/Overview';
import type { Picked } from '../features/negotiation/ProposeForm';
import { ProvisionPanel } from '../features/negotiation/ProvisionPanel';
import { ExportLinks, Revisions } from '../features/negotiation/Revisions';
import { ProvisionRow, selectedWords, useRows, type RowModel, type View } from '../features/negotiation/TextView';
import { abilitiesOf, FILTERS, type Filter } from '../features/negotiation/types';
import type { ParticipantList } from '../types';

export default function NegotiationPage() {
  return <RequireAuth>{() => <NegotiationScreen />}</RequireAuth>;
}

function matches(filter: Filter, row: RowModel, me: string | null): boolean {
  const p = row.provision;
  switch (filter) {
    case 'all':
      return true;
    case 'open':
      return p.proposals.some((q) => q.state === 'open');
    case 'mine':
      return me !== null && p.proposals.some((q) => q.state === 'open' && (q.author === me || q.supporters.includes(me) || q.opponents.includes(me)));
    case 'agreed':
      return p.status !== 'bracketed';
    case 'contested':
      return p.status === 'bracketed' || p.stances.some((s) => s.stance === 'cannot_accept');
  }
}

function NegotiationScreen() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const abilities = useMemo(() => abilitiesOf(me.data), [me.data]);
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'clean' ? 'clean' : 'compilation';
  const filterParam = params.get('filter') as Filter | null;
  const filter: Filter = filterParam && FILTERS.includes(filterParam) ? filterParam : 'all';
  const n = useNegotiation(id);
  const live = useLiveNegotiation(id, n.data?.lastEventId);
  const participants = useApi<ParticipantList>('/participants');
  usePageTitle(n.data?.title ?? t('negotiation.title'));

  const [selected, setSelected] = useState<string | null>(null);
  const [picked, setPicked] = useState<Picked | null>(null);
  const pickCount = useRef(0);
  const panelHeading = useRef<HTMLHeadingElement>(null);

  const provisions = n.data?.provisions;
  const labels = useMemo(() => {
    const refs = referenceLabels(provisions ?? []);
    return refs;
  }, [provisions]);
  const names = useMemo(() => new Map((participants.data?.participants ?? []).map((p) => [p.code, p.name])), [participants.data]);
  // The list follows the data a moment later, so typing or clicking in the panel never waits for 300 rows.
  const deferred = useDeferredValue(n.data);
  const deferredView = useDeferredValue(view);
  const rows = useRows(deferred, deferredView, labels);
  const deferredFilter = useDeferredValue(filter);
  const shown = useMemo(() => new Set(rows.filter((r) => matches(deferredFilter, r, abilities.delegation)).map((r) => r.provision.id)), [rows, deferredFilter, abilities.delegation]);

  const select = useCallback((provisionId: string) => {
    setSelected((cur) => (cur === provisionId ? null : provisionId));
    setPicked(null);
    requestAnimationFrame(() => panelHeading.current?.focus());
  }, []);
  const goTo = useCallback((provisionId: string) => {
    setSelected(provisionId);
    setPicked(null);
    document.getElementById(`prov-${provisionId}`)?.scrollIntoView({ block: 'center' });
    requestAnimationFrame(() => panelHeading.current?.focus());
  }, []);
  const close = useCallback(() => {
    const was = selected;
    setSelected(null);
    setPicked(null);
    if (was) requestAnimationFrame(() => document.querySelector<HTMLElement>(`#prov-${CSS.escape(was)} .prov-open`)?.focus());
  }, [selected]);

  function setParam(key: string, value: string, fallback: string) {
    const p = new URLSearchParams(params);
    if (value === fallback) p.delete(key);
    else p.set(key, value);
    setParams(p, { replace: true });
  }

  if (n.isPending) return <Loading />;
  if (n.error) return <ErrorBox error={n.error} />;
  const data = n.data;
  const current = selected ? data.provisions.find((p) => p.id === selected) : undefined;

  return (
    <div className="negotiation" data-testid="negotiation">
      <p className="breadcrumb">
        <Link to="/negotiations">{t('negotiation.list.title')}</Link>
      </p>
      <header className="negotiation-head">
        <h1 data-testid="negotiation-title">{data.title}</h1>
        <p className="negotiation-sub">
          <span className="badge">{data.revision === 0 ? t('negotiation.revisions.original') : `Rev.${data.revision}`}</span>{' '}
          <span className="muted">{data.bodyCode}</span>{' '}
          <span className={`live-state live-${live.state}`} data-testid="live-state">
            {t(`negotiation.live.state.${live.state}`)}
          </span>
        </p>
        {data.note && (
          <p className="alert alert-warning negotiation-note" data-testid="negotiation-note">
            {data.note}
          </p>
        )}
      </header>
      <div className="visually-hidden" aria-live="polite" data-testid="live-announcement">
        {live.announcement}
      </div>

      <OverviewBar n={data} labels={labels} names={names} onGo={goTo} />

      <div className="negotiation-toolbar">
        <div className="segmented" role="group" aria-label={t('negotiation.view.label')}>
          {(['compilation', 'clean'] as const).map((v) => (
            <button key={v} type="button" className="seg-button" aria-pressed={view === v} data-testid={`view-${v}`} onClick={() => setParam('view', v, 'compilation')}>
              {t(`negotiation.view.${v}`)}
            </button>
          ))}
        </div>
        <div className="segmented" role="group" aria-label={t('negotiation.filter.label')}>
          {FILTERS.filter((f) => f !== 'mine' || abilities.delegation).map((f) => (
            <button key={f} type="button" className="seg-button" aria-pressed={filter === f} data-testid={`filter-${f}`} onClick={() => setParam('filter', f, 'all')}>
              {t(`negotiation.filter.${f}`)}
            </button>
          ))}
        </div>
        <ExportLinks n={data} mine={abilities.propose} />
      </div>
      <p className="help">{abilities.propose ? t('negotiation.help.propose') : t('negotiation.help.read')}</p>

      <div className={`negotiation-body${current ? ' with-panel' : ''}`}>
        <section aria-labelledby="text-h" className="text-column">
          <h2 id="text-h" className="visually-hidden">
            {t(`negotiation.view.${view}`)}
          </h2>
          <p className="muted small" aria-live="polite" data-testid="shown-count">
            {deferredFilter === 'all' ? t('negotiation.filter.countAll', { count: rows.length }) : t('negotiation.filter.count', { count: shown.size, total: rows.length })}
          </p>
          <ol
            className={`provisions view-${deferredView}`}
            onMouseUp={(e) => {
              if (!abilities.propose) return;
              const w = selectedWords(e.currentTarget);
              if (!w) return;
              setSelected(w.provisionId);
              setPicked({ ...w, n: ++pickCount.current });
            }}
          >
            {rows.map((row) => (
              <ProvisionRow key={row.provision.id} row={row} hidden={!shown.has(row.provision.id)} view={deferredView} selected={row.provision.id === selected} delegation={abilities.delegation} onSelect={select} />
            ))}
          </ol>
        </section>
        <aside id="provision-panel" className="provision-panel" aria-labelledby={current ? 'panel-heading' : undefined} aria-label={current ? undefined : t('negotiation.panel.label')}>
          {current ? (
            <ProvisionPanel
              negotiationId={id}
              provision={current}
              label={labels.get(current.id) ?? ''}
              abilities={abilities}
              names={names}
              picked={picked}
              onClose={close}
              headingRef={panelHeading}
            />
          ) : (
            <p className="muted panel-empty">{t('negotiation.panel.empty')}</p>
          )}
        </aside>
      </div>

      <Revisions n={data} facilitate={abilities.facilitate} />
    </div>
  );
}
