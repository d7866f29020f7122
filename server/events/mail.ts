import type Nodemailer from 'nodemailer';
import type { MailPort } from '../modules/notifications/digest.service';

/**
 * The one mail transport of this process (SMTP_URL), shared by the digests and the account
 * links; null when no SMTP_URL is set (nothing is mailed then).
 */
export function createMailer(config: { smtpUrl?: string | null; mailFrom: string }): {
  mail: MailPort | null;
  close(): void;
} {
  if (!config.smtpUrl) return { mail: null, close: () => {} };
  // Loaded only where mail is sent: most servers of the tests and benchmarks send none.
  const transport = (require('nodemailer') as typeof Nodemailer).createTransport(config.smtpUrl);
  return {
    mail: {
      async send(m) {
        await transport.sendMail({ from: config.mailFrom, ...m });
      },
    },
    close: () => transport.close(),
  };
}
