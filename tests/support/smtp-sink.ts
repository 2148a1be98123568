import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type Received = { to: string[]; raw: Buffer; mail: ParsedMail };

export type SmtpSink = {
  port: number;
  url: string;
  received: Received[];
  /** Waits until a message matches, and returns it. */
  waitFor(match: (r: Received) => boolean, timeoutMs?: number): Promise<Received>;
  close(): Promise<void>;
};

/**
 * A real SMTP server on loopback that keeps what it receives, parsed with mailparser. Recipients
 * for which `reject` answers true are refused at RCPT TO, as a real server refuses a bad mailbox.
 */
export async function startSmtpSink(options: { port?: number; reject?: (address: string) => boolean; parse?: boolean } = {}): Promise<SmtpSink> {
  const received: Received[] = [];
  const parse = options.parse ?? true;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 200,
    size: 10 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      if (options.reject?.(address.address)) {
        const error = new Error('550 5.1.1 No such mailbox') as Error & { responseCode: number };
        error.responseCode = 550;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const to = session.envelope.rcptTo.map((r) => r.address);
        if (!parse) {
          received.push({ to, raw, mail: undefined as unknown as ParsedMail });
          return callback();
        }
        simpleParser(raw)
          .then((mail) => {
            received.push({ to, raw, mail });
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  // Replies go out at once (no Nagle delay), as a production MTA's do.
  server.server.on('connection', (socket: import('node:net').Socket) => socket.setNoDelay(true));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    async waitFor(match, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received.find(match);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching e-mail within ${timeoutMs} ms (received ${received.length})`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
