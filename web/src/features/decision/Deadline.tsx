import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateTimeIn, durationText, offsetLabel, readerZone, timeIn } from './time';

/** The current time, ticking: every second in the last hour, otherwise every 20 seconds. */
export function useNow(fast = false): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), fast ? 1000 : 20_000);
    return () => clearInterval(id);
  }, [fast]);
  return now;
}

/** An instant in the forum's zone, then in the reader's own zone when it differs. */
export function ZonedInstant({ iso, zone }: { iso: string; zone: string }) {
  const { t, i18n } = useTranslation();
  const d = new Date(iso);
  const reader = readerZone();
  return (
    <time dateTime={iso} className="zoned">
      {dateTimeIn(d, zone, i18n.language)} ({zone}, {offsetLabel(d, zone)})
      {reader !== zone && (
        <span className="muted reader-time">
          {' · '}
          {t('decision.yourTime', { time: timeIn(d, reader, zone, i18n.language), zone: reader })}
        </span>
      )}
    </time>
  );
}

export function Countdown({ iso, open }: { iso: string; open: boolean }) {
  const { t, i18n } = useTranslation();
  const target = new Date(iso).getTime();
  const now = useNow(open && target - Date.now() < 3_600_000);
  if (!open) return null;
  const left = target - now;
  return (
    <span className="countdown" data-testid="countdown">
      {left > 0 ? t('decision.countdown.in', { duration: durationText(left, i18n.language) }) : t('decision.countdown.passed')}
    </span>
  );
}

/** "Deadline 3 December 2026, 18:00 (Asia/Almaty, UTC+5) · 13:00 your time (Europe/Paris) · in 2 days 4 hours" */
export function Deadline({ iso, zone, open, label = true }: { iso: string; zone: string; open: boolean; label?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="deadline" data-testid="deadline">
      {label && <>{t('decision.deadline')} </>}
      <ZonedInstant iso={iso} zone={zone} />
      {open && (
        <>
          {' · '}
          <Countdown iso={iso} open={open} />
        </>
      )}
    </span>
  );
}
