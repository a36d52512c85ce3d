import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiGet, setCsrfToken } from './api';
import type { Me } from './types';

export const ME_KEY = ['me'] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await apiGet<Me>('/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    // Signed out is not an error: the reader is simply anonymous.
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000 });
}

export function useSetMe() {
  const qc = useQueryClient();
  return (me: Me | null) => {
    setCsrfToken(me?.csrfToken ?? null);
    qc.setQueryData(ME_KEY, me);
  };
}
