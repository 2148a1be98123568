import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { siteUrl } from '@/lib/site-url';

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** One-click unsubscribe (RFC 8058): both headers are set from it. */
  unsubscribeUrl?: string;
};

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  /** Where mail goes, for the operator: an SMTP host or a folder. */
  readonly destination: string;
  close(): void;
}

/** Where mail goes without SMTP_URL: a folder beside the database, unless MAIL_OUTBOX_DIR says. */
export function outboxDir(): string {
  if (process.env.MAIL_OUTBOX_DIR) return path.resolve(process.env.MAIL_OUTBOX_DIR);
  const dbFile = path.resolve(/*turbopackIgnore: true*/ process.env.DATABASE_FILE ?? path.join('data', 'courier.db'));
  return path.join(path.dirname(dbFile), 'outbox');
}

function fromAddress(): string {
  if (process.env.MAIL_FROM) return process.env.MAIL_FROM;
  const host = new URL(siteUrl()).hostname;
  return `Courier <newsletter@${host.includes('.') ? host : `${host}.localdomain`}>`;
}

/**
 * nodemailer at SMTP_URL (pooled, so a digest reuses a few connections), or, with no SMTP_URL,
 * `.eml` files in a folder, so a fresh install can see what it would have sent.
 */
export function createMailer(options: { smtpUrl?: string; outbox?: string; connections?: number } = {}): Mailer {
  const smtpUrl = options.smtpUrl ?? process.env.SMTP_URL;
  const from = fromAddress();
  const listId = `Courier daily news <news.${new URL(siteUrl()).hostname}>`;
  const message = (mail: OutgoingMail) => ({
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: {
      'List-Id': listId,
      ...(mail.unsubscribeUrl ? { 'List-Unsubscribe': `<${mail.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}),
    },
  });

  if (smtpUrl) {
    const url = new URL(smtpUrl);
    const transport: Transporter = nodemailer.createTransport({
      pool: true,
      maxConnections: options.connections ?? (Number(process.env.SMTP_CONNECTIONS) || 5),
      maxMessages: Infinity,
      host: url.hostname,
      port: Number(url.port) || (url.protocol === 'smtps:' ? 465 : 587),
      secure: url.protocol === 'smtps:',
      auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
      // A local relay on loopback (tests, a sidecar) may offer STARTTLS with a self-signed certificate.
      tls: { rejectUnauthorized: !['localhost', '127.0.0.1', '::1'].includes(url.hostname) },
      // Without TCP_NODELAY each message's final "." waits out the server's delayed ACK (~40 ms):
      // a pooled connection then manages ~16 messages a second instead of hundreds.
      ...(url.protocol === 'smtps:'
        ? {}
        : {
            getSocket: (_options: unknown, callback: (error: Error | null, socketOptions?: { connection: net.Socket }) => void) => {
              const socket = net.connect({ host: url.hostname, port: Number(url.port) || 587 });
              socket.setNoDelay(true);
              const fail = (error: Error) => callback(error);
              socket.once('error', fail);
              socket.once('connect', () => {
                socket.off('error', fail);
                callback(null, { connection: socket });
              });
            },
          }),
    });
    return {
      destination: `${url.protocol}//${url.host}`,
      send: async (mail) => {
        await transport.sendMail(message(mail));
      },
      close: () => transport.close(),
    };
  }

  const dir = options.outbox ?? outboxDir();
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    destination: dir,
    send: async (mail) => {
      const info = await transport.sendMail(message(mail));
      fs.mkdirSync(dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      fs.writeFileSync(path.join(dir, `${stamp}-${crypto.randomBytes(4).toString('hex')}.eml`), info.message as Buffer);
    },
    close: () => transport.close(),
  };
}
