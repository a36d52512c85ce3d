import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiGet } from './api';
import type { Forum } from './types';

type Query = Record<string, string | number | boolean | undefined | null>;

/** A GET whose cache key carries the interface language, so switching language refetches names. */
export function useApi<T>(path: string, query: Query = {}, options: { enabled?: boolean } = {}) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: [path, query, i18n.language],
    queryFn: () => apiGet<T>(path, query),
    enabled: options.enabled ?? true,
  });
}

export function useForum() {
  return useApi<Forum>('/forum');
}

export function usePageTitle(title: string | undefined) {
  const forum = useForum();
  const acronym = forum.data?.acronym;
  useEffect(() => {
    const parts = [title, acronym ? `${acronym} · Concord` : 'Concord'].filter(Boolean);
    document.title = parts.join(' — ');
  }, [title, acronym]);
}
