import { useTranslation } from 'react-i18next';
import { formatDate, formatInstantParts } from '../format';

export function DateText({ iso, style = 'long' }: { iso: string | null | undefined; style?: 'long' | 'medium' }) {
  const { i18n } = useTranslation();
  if (!iso) return null;
  return <time dateTime={iso}>{formatDate(iso, i18n.language, style)}</time>;
}

export function InstantText({ iso, zone }: { iso: string | null | undefined; zone?: string }) {
  const { i18n } = useTranslation();
  if (!iso) return null;
  const [primary, reader] = formatInstantParts(iso, i18n.language, zone);
  return (
    <time dateTime={iso}>
      {primary}
      {reader && <span className="muted reader-time">{reader}</span>}
    </time>
  );
}
