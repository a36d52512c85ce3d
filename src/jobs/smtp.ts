import nodemailer from 'nodemailer';
import type { MailTransport } from '../usecases/ports';

/**
 * SMTP delivery from `SMTP_URL`, e.g. `smtp://user:pass@mail.example.org:587?from=concord@example.org`
 * (`smtps://` for TLS from the first byte). `from` defaults to concord@ the SMTP host.
 */
export function smtpTransport(smtpUrl: string): MailTransport {
  const url = new URL(smtpUrl);
  const from = url.searchParams.get('from') ?? `Concord <concord@${url.hostname}>`;
  url.searchParams.delete('from');
  const transport = nodemailer.createTransport(url.toString());
  return {
    async send(m) {
      await transport.sendMail({
        from,
        to: m.to,
        subject: m.subject,
        text: m.body,
        attachments: (m.attachments ?? []).map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
      });
    },
  };
}
