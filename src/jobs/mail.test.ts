import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { icsCalendar } from '../core/calendar/ics';
import type { Actor } from '../core/policy';
import { createUser } from '../usecases/create-user';
import { inviteUser } from '../usecases/invite-user';
import { launchDecision } from '../usecases/decision/launch-decision';
import { queueMail } from '../usecases/mail';
import { forEachDatabase, label, seededContext } from '../../test/helpers/databases';
import { runDueJobs } from './queue';
import { smtpTransport } from './smtp';
import { JOB_HANDLERS } from './worker';

/** A real SMTP server on loopback that keeps what it receives. */
async function startSmtp() {
  const received: Array<{ to: string[]; raw: string }> = [];
  const arrivals: Array<() => void> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        arrivals.splice(0).forEach((a) => a());
        callback();
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}?from=secretariat@cica.example`,
    received,
    async next(count: number) {
      while (received.length < count) await new Promise<void>((r) => arrivals.push(r));
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}


forEachDatabase((db) => {
  describe.skipIf(!!db.unavailable)(`mail through a real SMTP listener on ${label(db)}`, () => {
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    beforeAll(async () => {
      smtp = await startSmtp();
    });
    afterAll(() => smtp?.close());

    it('delivers an invitation from the outbox, once, and keeps it there without SMTP', async () => {
      const { ctx, store } = await seededContext(db);
      try {
        const { id } = await createUser(ctx, null, { email: 'sec@cica.example', name: 'Secretariat', role: 'secretariat', password: 'a long enough password' }, 'cli');
        const secretariat: Actor = { userId: id, role: 'secretariat', participant: null, functions: [], participantStatus: null, isChair: false, secondFactor: true };
        const { link } = await inviteUser(ctx, secretariat, { email: 'focal@mongolia.example', name: 'Focal Point', role: 'delegate', participant: 'MNG', functions: ['head'] });
        // Without SMTP the job completes and the message waits in the outbox for the administrator.
        expect(await runDueJobs(ctx, JOB_HANDLERS)).toBe(1);
        expect((await store.read.outbox.list(1))[0]).toMatchObject({ to: 'focal@mongolia.example', sentAt: null });

        ctx.mail = smtpTransport(smtp.url);
        const second = await inviteUser(ctx, secretariat, { email: 'second@mongolia.example', name: 'Second', role: 'delegate', participant: 'MNG' });
        const before = smtp.received.length;
        expect(await runDueJobs(ctx, JOB_HANDLERS)).toBe(1);
        await smtp.next(before + 1);
        const mail = smtp.received.at(-1)!;
        expect(mail.to).toEqual(['second@mongolia.example']);
        expect(mail.raw).toContain('Subject: Your invitation to Concord');
        expect(mail.raw.replace(/=\r?\n/g, '')).toContain(second.link);
        expect(mail.raw).toContain('From: secretariat@cica.example');
        expect((await store.read.outbox.list(1))[0]!.sentAt).not.toBeNull();
        // Running the queue again sends nothing twice.
        expect(await runDueJobs(ctx, JOB_HANDLERS)).toBe(0);
        expect(smtp.received.length).toBe(before + 1);
        expect(link).not.toBe(second.link);
      } finally {
        await store.close();
      }
    });

    it('sends the launch of a silence procedure with its deadline as a calendar file, and the inbox holds the same notice', async () => {
      const { ctx, store } = await seededContext(db);
      try {
        ctx.mail = smtpTransport(smtp.url);
        const { id: secId } = await createUser(ctx, null, { email: 'chair@cica.example', name: 'Secretariat', role: 'secretariat', password: 'a long enough password' }, 'cli');
        const { id: headId } = await createUser(ctx, null, { email: 'head@ind.example', name: 'Head IND', role: 'delegate', participant: 'IND', functions: ['head'], password: 'a long enough password' }, 'cli');
        const actor: Actor = { userId: secId, role: 'secretariat', participant: null, functions: [], participantStatus: null, isChair: false, secondFactor: true };
        const deadline = new Date(ctx.clock().getTime() + 72 * 3_600_000).toISOString();
        const { id } = await launchDecision(ctx, actor, { bodyCode: 'SOC', title: 'Plan of CBM events for 2027', subject: { type: 'text', text: 'The plan.' }, mode: 'silence', deadline });
        const before = smtp.received.length;
        await runDueJobs(ctx, JOB_HANDLERS);
        await smtp.next(before + 2);
        const toHead = smtp.received.slice(before).find((m) => m.to[0] === 'head@ind.example')!;
        expect(toHead.raw).toContain('Subject: Silence procedure launched: Plan of CBM events for 2027');
        expect(toHead.raw).toContain('filename=deadline.ics');
        const inbox = await store.read.users.inbox(headId, 10);
        expect(inbox[0]).toMatchObject({ kind: 'decision.launched', subject: 'Silence procedure launched: Plan of CBM events for 2027', link: `/decisions/${id}` });
      } finally {
        await store.close();
      }
    });

    it('attaches an iCalendar file for a deadline', async () => {
      const { ctx, store } = await seededContext(db);
      try {
        ctx.mail = smtpTransport(smtp.url);
        const ics = icsCalendar([{ uid: 'd1@concord', start: '2026-12-01T10:00:00.000Z', summary: 'Silence procedure ends', stamp: '2026-11-27T12:00:00.000Z' }]);
        await store.transaction((tx) => queueMail(tx, { to: 'head@kaz.example', subject: 'Silence procedure launched', body: 'Deadline: 1 December 2026, 15:00 (Asia/Almaty).', attachments: [{ filename: 'deadline.ics', contentType: 'text/calendar; method=PUBLISH', content: ics }] }, ctx.clock().toISOString()));
        const before = smtp.received.length;
        await runDueJobs(ctx, JOB_HANDLERS);
        await smtp.next(before + 1);
        const raw = smtp.received.at(-1)!.raw;
        expect(raw).toMatch(/Content-Type: text\/calendar; method=PUBLISH/i);
        expect(raw).toContain('filename=deadline.ics');
        const body = raw.split('filename=deadline.ics')[1]!;
        const encoded = body.split(/\r?\n\r?\n/)[1]!.split(/\r?\n--/)[0]!;
        const decoded = /^[A-Za-z0-9+/=\r\n]+$/.test(encoded.trim()) ? Buffer.from(encoded, 'base64').toString('utf8') : encoded;
        expect(decoded).toContain('DTSTART:20261201T100000Z');
      } finally {
        await store.close();
      }
    });
  });
});
