import { useCallback, useEffect, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiPost } from '../../api';
import { useApi } from '../../hooks';
import type { Negotiation } from './types';

export const negotiationPath = (id: number | string) => `/negotiations/${id}`;

/** Every query of one negotiation (its text, diffs, exports) starts with its path. */
function isOfNegotiation(key: readonly unknown[], id: number | string): boolean {
  return typeof key[0] === 'string' && (key[0] === negotiationPath(id) || key[0].startsWith(`${negotiationPath(id)}/`));
}

export function useNegotiation(id: string) {
  return useApi<Negotiation>(negotiationPath(id));
}

export function useRefreshNegotiation(id: string) {
  const qc = useQueryClient();
  return useCallback(() => qc.invalidateQueries({ predicate: (q) => isOfNegotiation(q.queryKey, id) }), [qc, id]);
}

export const EVENT_TYPES = [
  'proposal.submitted',
  'proposal.position',
  'proposal.withdrawn',
  'proposal.resolved',
  'provision.stance',
  'provision.status',
  'revision.issued',
  'negotiation.created',
] as const;

export type LiveState = 'connecting' | 'live' | 'reconnecting';

/**
 * Follows the negotiation's event stream and refetches the text when anything happens. A burst of
 * events (a facilitator accepting ten proposals) costs one refetch, not ten. The stream is opened
 * once per negotiation: EventSource itself resends Last-Event-ID when it reconnects.
 */
export function useLiveNegotiation(id: string, lastEventId: number | undefined) {
  const { t } = useTranslation();
  const tRef = useRef(t);
  tRef.current = t;
  const refresh = useRefreshNegotiation(id);
  const [state, setState] = useState<LiveState>('connecting');
  const [announcement, setAnnouncement] = useState('');
  const ready = lastEventId !== undefined;
  const startAt = useRef<number | undefined>(undefined);
  if (startAt.current === undefined && lastEventId !== undefined) startAt.current = lastEventId;

  useEffect(() => {
    if (!ready || typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api${negotiationPath(id)}/events?lastEventId=${startAt.current ?? 0}`);
    let timer: ReturnType<typeof setTimeout> | null = null;
    const seen = new Set<string>();
    const flush = () => {
      timer = null;
      void refresh();
      const kinds = [...seen];
      seen.clear();
      const tr = tRef.current;
      setAnnouncement(tr('negotiation.live.updated', { what: kinds.map((k) => tr(`negotiation.live.event.${k.replace('.', '_')}`, { defaultValue: k })).join(', ') }));
    };
    const onEvent = (e: MessageEvent) => {
      seen.add(e.type);
      if (timer === null) timer = setTimeout(flush, 150);
    };
    for (const type of EVENT_TYPES) source.addEventListener(type, onEvent);
    source.onopen = () => setState('live');
    // EventSource reconnects by itself (the server asks for 2 s) and resends Last-Event-ID.
    source.onerror = () => setState('reconnecting');
    return () => {
      if (timer !== null) clearTimeout(timer);
      source.close();
    };
  }, [id, ready, refresh]);

  return { state, announcement };
}

/** A write on this negotiation: on success the text is fetched again at once (the event will follow). */
export function useNegotiationAct<T>(id: string, path: (body: T) => string, body: (v: T) => unknown = () => ({})) {
  const refresh = useRefreshNegotiation(id);
  return useMutation({
    mutationFn: (v: T) => apiPost<unknown>(path(v), body(v)),
    onSuccess: () => refresh(),
  });
}
