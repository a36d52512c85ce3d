import { useApi } from '../../hooks';
import type { InboxItem } from './types';

/** The number of unread notifications, for the header link. */
export function useUnreadCount(enabled: boolean): number {
  const inbox = useApi<InboxItem[]>('/me/inbox', {}, { enabled });
  return (inbox.data ?? []).filter((n) => !n.readAt).length;
}
