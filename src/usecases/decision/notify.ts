import { icsCalendar } from '../../core/calendar/ics';
import { currentDeadline, type Decision } from '../../core/consensus';
import { DEFAULT_TIME_ZONE, type Context } from '../context';
import { queueMail } from '../mail';
import type { Ports } from '../ports';

type Notice = 'launched' | 'reminder' | 'extended' | 'silence_broken' | 'adopted' | 'not_adopted';

const SUBJECTS: Record<Notice, string> = {
  launched: 'Silence procedure launched',
  reminder: 'Reminder: silence procedure ends in 24 hours',
  extended: 'Silence procedure extended',
  silence_broken: 'Silence broken',
  adopted: 'Decision adopted',
  not_adopted: 'Decision not adopted',
};

function inZone(instant: string, timeZone: string): string {
  return `${new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'long', timeStyle: 'short' }).format(new Date(instant))} (${timeZone})`;
}

/**
 * Tell the heads of the member delegations, the chair and the secretariat, by mail with the deadline
 * as an iCalendar attachment. Queued in the caller's transaction, so the notice exists if the act does.
 */
export async function notifyDecision(ctx: Context, tx: Ports, decision: Decision & { brokenBy?: string[] }, notice: Notice, at: string, detail = ''): Promise<void> {
  const forum = await tx.registry.forum();
  const zone = forum?.timeZone ?? DEFAULT_TIME_ZONE;
  const deadline = currentDeadline(decision);
  const recipients = await tx.users.notifiable();
  const link = `${ctx.publicUrl}/decisions/${decision.id}`;
  const lines = [
    `${SUBJECTS[notice]}: ${decision.title}`,
    '',
    ...(deadline ? [`Deadline: ${inZone(deadline, zone)} — ${new Date(deadline).toISOString().replace('.000Z', 'Z')} UTC.`] : []),
    ...(detail ? [detail] : []),
    '',
    link,
  ];
  const attachments = deadline
    ? [
        {
          filename: 'deadline.ics',
          contentType: 'text/calendar; method=PUBLISH; charset=utf-8',
          content: icsCalendar([
            { uid: `decision-${decision.id}-deadline@concord`, start: deadline, summary: `Deadline: ${decision.title}`, description: `Silence procedure. ${link}`, url: link, stamp: at, sequence: decision.extensions.length, alarmMinutesBefore: 24 * 60 },
          ]),
        },
      ]
    : [];
  for (const r of recipients) {
    await queueMail(tx, { to: r.email, subject: `${SUBJECTS[notice]}: ${decision.title}`, body: lines.join('\n'), ...(notice === 'reminder' || notice === 'launched' || notice === 'extended' ? { attachments } : {}) }, at);
    await tx.users.notify(r.id, { kind: `decision.${notice}`, subject: `${SUBJECTS[notice]}: ${decision.title}`, body: lines.filter(Boolean).slice(1, -1).join(' '), link: `/decisions/${decision.id}` }, at);
  }
}
