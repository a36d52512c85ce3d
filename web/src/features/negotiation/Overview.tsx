import { useTranslation } from 'react-i18next';
import type { Negotiation } from './types';

/** Where the text stands, and who holds what out, grouped by state: what a head of delegation is asked about first. */
export function OverviewBar({ n, labels, names, onGo }: { n: Negotiation; labels: Map<string, string>; names: Map<string, string>; onGo: (provisionId: string) => void }) {
  const { t } = useTranslation();
  const o = n.overview;
  const pct = (x: number) => (o.total ? `${(100 * x) / o.total}%` : '0');
  const byState = new Map<string, string[]>();
  for (const h of o.holdouts) for (const p of h.participants) byState.set(p, [...(byState.get(p) ?? []), h.provisionId]);
  return (
    <section className="overview card" aria-labelledby="overview-h" data-testid="overview">
      <h2 id="overview-h" className="visually-hidden">
        {t('negotiation.overview.title')}
      </h2>
      <div className="overview-bar" aria-hidden="true">
        <span className="seg-agreed" style={{ width: pct(o.agreed) }} />
        <span className="seg-adref" style={{ width: pct(o.agreedAdRef) }} />
        <span className="seg-bracketed" style={{ width: pct(o.bracketed) }} />
      </div>
      <ul className="overview-counts">
        <li>
          <span className="dot status-agreed" aria-hidden="true" /> {t('negotiation.overview.agreed', { count: o.agreed, total: o.total })}
        </li>
        <li>
          <span className="dot status-agreed_ad_ref" aria-hidden="true" /> {t('negotiation.overview.adRef', { count: o.agreedAdRef })}
        </li>
        <li>
          <span className="dot status-bracketed" aria-hidden="true" /> {t('negotiation.overview.bracketed', { count: o.bracketed })}
        </li>
        <li>{t('negotiation.overview.openProposals', { count: o.openProposals })}</li>
        {n.clean && <li className="badge badge-ok">{t('negotiation.overview.clean')}</li>}
      </ul>
      {byState.size > 0 && (
        <div className="holdouts">
          <h3 className="holdouts-h">{t('negotiation.overview.holdouts')}</h3>
          <ul>
            {[...byState].map(([code, ids]) => (
              <li key={code}>
                <strong>{names.get(code) ?? code}</strong>:{' '}
                {ids.map((pid, i) => (
                  <span key={pid}>
                    {i > 0 && ', '}
                    <button type="button" className="link-button" onClick={() => onGo(pid)}>
                      {labels.get(pid) ?? pid}
                    </button>
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
