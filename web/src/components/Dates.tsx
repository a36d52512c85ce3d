import { useTranslation } from 'react-i18next';
import { formatDate, formatInstant } from '../format';

export function DateText({ iso, style = 'long' }: { iso: string | null | undefined; style?: 'long' | 'medium' }) {
  const { i18n } = useTranslation();
  if (!iso) return null;
  return <time dateTime={iso}>{formatDate(iso, i18n.language, style)}</time>;
}

export function InstantText({ iso, zone }: { iso: string | null | undefined; zone?: string }) {
  const { i18n } = useTranslation();
  if (!iso) return null;
  return <time dateTime={iso}>{formatInstant(iso, i18n.language, zone)}</time>;
}
