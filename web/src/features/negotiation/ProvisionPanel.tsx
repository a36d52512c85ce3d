import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { tokenize } from '../../../../src/core/negotiation';
import { FormMessage } from '../../components/Status';
import { useNegotiationAct } from './live';
import { ProposeForm, type Picked } from './ProposeForm';
import { STANCES, STATUSES, type Abilities, type Proposal, type Provision, type ProvisionStatus, type Stance } from './types';

interface PanelProps {
  negotiationId: string;
  provision: Provision;
  label: string;
  abilities: Abilities;
  names: Map<string, string>;
  picked: Picked | null;
  onClose: () => void;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
}

/** Everything about one provision: its proposals and what the reader may do with them, stances, status, a new proposal. */
export function ProvisionPanel({ negotiationId, provision, label, abilities, names, picked, onClose, headingRef }: PanelProps) {
  const { t } = useTranslation();
  const open = provision.proposals.filter((p) => p.state === 'open');
  const closed = provision.proposals.filter((p) => p.state !== 'open');
  const kindName = t(`negotiation.kind.${provision.kind}`);
  return (
    <div className="panel-inner" data-testid="provision-panel" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="panel-head">
        <h2 ref={headingRef} tabIndex={-1} id="panel-heading">
          {kindName} {label}
        </h2>
        <button type="button" className="button button-secondary button-small" onClick={onClose}>
          {t('negotiation.panel.close')}
        </button>
      </div>
      <p className="panel-status">
        <span className={`badge status-badge status-${provision.status}`}>{t(`negotiation.status.${provision.status}`)}</span>{' '}
        <span className="muted">{t('negotiation.row.openCount', { count: open.length })}</span>
      </p>
      <blockquote className="panel-quote">{provision.text}</blockquote>

      <section aria-labelledby="panel-proposals-h">
        <h3 id="panel-proposals-h">{t('negotiation.panel.proposals')}</h3>
        {open.length === 0 ? (
          <p className="muted">{t('negotiation.panel.noOpen')}</p>
        ) : (
          <ul className="proposal-list">
            {open.map((p) => (
              <ProposalItem key={p.id} negotiationId={negotiationId} proposal={p} abilities={abilities} />
            ))}
          </ul>
        )}
        {closed.length > 0 && (
          <details className="closed-proposals">
            <summary>{t('negotiation.panel.closed', { count: closed.length })}</summary>
            <ul className="proposal-list">
              {closed.map((p) => (
                <ProposalItem key={p.id} negotiationId={negotiationId} proposal={p} abilities={abilities} />
              ))}
            </ul>
          </details>
        )}
      </section>

      <Stances negotiationId={negotiationId} provision={provision} abilities={abilities} names={names} />
      {abilities.facilitate && <StatusControl negotiationId={negotiationId} provision={provision} />}
      {abilities.propose && (
        <ProposeForm key={`${provision.id}:${picked?.n ?? 0}`} negotiationId={negotiationId} provision={provision} label={`${kindName} ${label}`} picked={picked} />
      )}
    </div>
  );
}

function quote(text: string): string {
  return `“${text}”`;
}

export function ProposalContent({ p }: { p: Proposal }): ReactNode {
  const { t } = useTranslation();
  switch (p.type) {
    case 'amend': {
      const base = tokenize(p.baseText);
      const r = p.range ?? { start: 0, end: 0 };
      const original = base.slice(r.start, r.end).join(' ');
      if (r.start === r.end) {
        const before = base[r.start];
        return (
          <p>
            {t('negotiation.proposal.insert')} <ins className="proposed">{quote(p.text ?? '')}</ins>{' '}
            {before ? t('negotiation.proposal.before', { word: before }) : t('negotiation.proposal.atEnd')}
          </p>
        );
      }
      if (p.text === null)
        return (
          <p>
            {t('negotiation.proposal.strike')} <del>{quote(original)}</del>
          </p>
        );
      return (
        <p>
          {t('negotiation.proposal.replace')} <del>{quote(original)}</del> {t('negotiation.proposal.with')} <ins className="proposed">{quote(p.text)}</ins>
        </p>
      );
    }
    case 'alternative':
      return <p className="proposed-text">{p.text}</p>;
    case 'insert_after':
      return (
        <p>
          <span className="muted">{t(`negotiation.kind.${p.newKind ?? 'op'}`)}: </span>
          <span className="proposed-text">{p.text}</span>
        </p>
      );
    case 'delete':
      return <p>{t('negotiation.proposal.deleteProvision')}</p>;
  }
}

function ProposalItem({ negotiationId, proposal: p, abilities }: { negotiationId: string; proposal: Proposal; abilities: Abilities }) {
  const { t } = useTranslation();
  const [done, setDone] = useState<string | null>(null);
  const position = useNegotiationAct(negotiationId, () => `/proposals/${encodeURIComponent(p.id)}/support`, (position: 'support' | 'oppose' | 'none') => ({ position }));
  const withdraw = useNegotiationAct(negotiationId, () => `/proposals/${encodeURIComponent(p.id)}/withdraw`);
  const resolve = useNegotiationAct(negotiationId, () => `/proposals/${encodeURIComponent(p.id)}/resolve`, (outcome: 'accepted' | 'not_retained') => ({ outcome }));
  const me = abilities.delegation;
  const own = me !== null && p.author === me;
  const supports = me !== null && p.supporters.includes(me);
  const opposes = me !== null && p.opponents.includes(me);
  const isOpen = p.state === 'open';
  const error = position.error ?? withdraw.error ?? resolve.error;
  const busy = position.isPending || withdraw.isPending || resolve.isPending;
  const act = <T,>(m: { mutate: (v: T, o: { onSuccess: () => void }) => void }, v: T, message: string) => {
    setDone(null);
    position.reset();
    withdraw.reset();
    resolve.reset();
    m.mutate(v, { onSuccess: () => setDone(message) });
  };

  return (
    <li className={`proposal state-${p.state}${own ? ' own' : ''}`} data-testid="proposal" data-proposal-id={p.id}>
      <div className="proposal-head">
        <strong>{t(`negotiation.proposal.types.${p.type}`)}</strong>
        <span className={`badge state-badge state-${p.state}`}>{t(`negotiation.proposal.states.${p.state}`)}</span>
        {!p.applies && <span className="badge badge-warn">{t('negotiation.proposal.stale')}</span>}
      </div>
      <p className="attribution" data-testid="proposal-attribution">
        {p.attribution}
      </p>
      <ProposalContent p={p} />
      {p.justification && (
        <p className="justification">
          <span className="muted">{t('negotiation.proposal.justification')}: </span>
          {p.justification}
        </p>
      )}
      {isOpen && (
        <div className="proposal-actions" role="group" aria-label={t('negotiation.proposal.actions', { who: p.authorName })}>
          {abilities.propose && !own && (
            <>
              <button
                type="button"
                className="button button-secondary button-small"
                aria-pressed={supports}
                disabled={busy}
                data-testid="proposal-support"
                onClick={() => act(position, supports ? 'none' : 'support', supports ? t('negotiation.proposal.done.none') : t('negotiation.proposal.done.support'))}
              >
                {t('negotiation.proposal.support')}
              </button>
              <button
                type="button"
                className="button button-secondary button-small"
                aria-pressed={opposes}
                disabled={busy}
                data-testid="proposal-oppose"
                onClick={() => act(position, opposes ? 'none' : 'oppose', opposes ? t('negotiation.proposal.done.none') : t('negotiation.proposal.done.oppose'))}
              >
                {t('negotiation.proposal.oppose')}
              </button>
            </>
          )}
          {abilities.propose && own && (
            <button type="button" className="button button-danger button-small" disabled={busy} data-testid="proposal-withdraw" onClick={() => act(withdraw, undefined, t('negotiation.proposal.done.withdrawn'))}>
              {t('negotiation.proposal.withdraw')}
            </button>
          )}
          {abilities.facilitate && (
            <>
              <button type="button" className="button button-small" disabled={busy} data-testid="proposal-accept" onClick={() => act(resolve, 'accepted', t('negotiation.proposal.done.accepted'))}>
                {t('negotiation.proposal.accept')}
              </button>
              <button type="button" className="button button-secondary button-small" disabled={busy} data-testid="proposal-reject" onClick={() => act(resolve, 'not_retained', t('negotiation.proposal.done.notRetained'))}>
                {t('negotiation.proposal.notRetain')}
              </button>
            </>
          )}
        </div>
      )}
      <FormMessage error={error} success={done} />
    </li>
  );
}

function Stances({ negotiationId, provision, abilities, names }: { negotiationId: string; provision: Provision; abilities: Abilities; names: Map<string, string> }) {
  const { t } = useTranslation();
  const [done, setDone] = useState<string | null>(null);
  const record = useNegotiationAct(negotiationId, () => `/negotiations/${negotiationId}/provisions/${encodeURIComponent(provision.id)}/stance`, (stance: Stance) => ({ stance }));
  const mine = provision.stances.find((s) => s.participant === abilities.delegation)?.stance;
  return (
    <section aria-labelledby="panel-stances-h">
      <h3 id="panel-stances-h">{t('negotiation.panel.stances')}</h3>
      {provision.stances.length === 0 ? (
        <p className="muted">{t('negotiation.panel.noStances')}</p>
      ) : (
        <ul className="stance-list">
          {provision.stances.map((s) => (
            <li key={s.participant} className={`stance-${s.stance}`}>
              {names.get(s.participant) ?? s.participant}: <strong>{t(`negotiation.stance.${s.stance}`)}</strong>
            </li>
          ))}
        </ul>
      )}
      {abilities.stance && (
        <div className="button-group" role="group" aria-label={t('negotiation.panel.yourStance')}>
          <span className="group-label" aria-hidden="true">
            {t('negotiation.panel.yourStance')}
          </span>
          {STANCES.map((s) => (
            <button
              key={s}
              type="button"
              className="button button-secondary button-small"
              aria-pressed={mine === s}
              disabled={record.isPending}
              data-testid={`stance-${s}`}
              onClick={() => {
                setDone(null);
                record.mutate(s, { onSuccess: () => setDone(t('negotiation.panel.stanceDone', { stance: t(`negotiation.stance.${s}`) })) });
              }}
            >
              {t(`negotiation.stance.${s}`)}
            </button>
          ))}
        </div>
      )}
      {abilities.stance && <FormMessage error={record.error} success={done} />}
    </section>
  );
}

function StatusControl({ negotiationId, provision }: { negotiationId: string; provision: Provision }) {
  const { t } = useTranslation();
  const [done, setDone] = useState<string | null>(null);
  const set = useNegotiationAct(negotiationId, () => `/negotiations/${negotiationId}/provisions/${encodeURIComponent(provision.id)}/status`, (status: ProvisionStatus) => ({ status }));
  return (
    <section aria-labelledby="panel-status-h">
      <h3 id="panel-status-h">{t('negotiation.panel.status')}</h3>
      <div className="button-group" role="group" aria-labelledby="panel-status-h">
        {STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            className="button button-secondary button-small"
            aria-pressed={provision.status === s}
            disabled={set.isPending}
            data-testid={`status-${s}`}
            onClick={() => {
              setDone(null);
              set.mutate(s, { onSuccess: () => setDone(t('negotiation.panel.statusDone', { status: t(`negotiation.status.${s}`) })) });
            }}
          >
            {t(`negotiation.status.${s}`)}
          </button>
        ))}
      </div>
      <FormMessage error={set.error} success={done} />
    </section>
  );
}
