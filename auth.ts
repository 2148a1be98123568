import NextAuth, { type DefaultSession } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '@/db';
import { createSession, revokeSession } from '@/db/mutations/sessions';
import { checkCredentials } from '@/db/queries/credentials';
import { isSessionLive } from '@/db/queries/sessions';
import { getSessionUser, isActive } from '@/db/queries/users';
import { authSecret } from '@/lib/auth/secret';

declare module 'next-auth' {
  interface Session {
    /** This log-in's row in the sessions table: logging out revokes it. */
    sid: string;
    user: { id: string; role: 'user' | 'moderator' | 'admin' } & DefaultSession['user'];
  }
  interface User {
    sessionVersion?: number;
    role?: 'user' | 'moderator' | 'admin';
  }
}

const credentials = z.object({ email: z.string().max(254), password: z.string().max(1024) });

/**
 * Sessions are JWTs (Credentials requires it), so each one is checked against the user row on
 * every request: a bumped sessionVersion, a ban or a deletion ends it at its very next use.
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: '/login', error: '/login' },
  logger: {
    // A wrong password is an expected answer, not a server error worth a stack trace.
    error(error) {
      const type = (error as { type?: string }).type;
      // A dead or forged session cookie is also expected: the reader is simply signed out.
      if (type !== 'CredentialsSignin' && type !== 'JWTSessionError') console.error('[auth]', error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      // Reached only through /api/auth/login, which throttles before calling signIn().
      async authorize(raw) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) return null;
        const user = await checkCredentials(parsed.data.email, parsed.data.password);
        if (!user || !isActive(user)) return null;
        return { id: String(user.id), name: user.name, role: user.role, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  events: {
    // However the sign-out comes (the log-out action or Auth.js's own POST /api/auth/signout), its
    // session row is revoked, so a copy of the cookie replayed afterwards is refused.
    signOut(message) {
      const token = 'token' in message ? message.token : null;
      const uid = Number(token?.uid);
      if (typeof token?.sid === 'string' && Number.isSafeInteger(uid)) revokeSession(getDb(), token.sid, uid);
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.sv = user.sessionVersion;
        token.sid = createSession(getDb(), Number(user.id));
      }
      const uid = token.uid;
      const row = typeof uid === 'number' ? getSessionUser(uid) : null;
      if (!row || !isActive(row) || row.sessionVersion !== token.sv) return null;
      if (typeof token.sid !== 'string' || !isSessionLive(token.sid, row.id)) return null;
      token.name = row.name;
      token.role = row.role;
      return token;
    },
    session({ session, token }) {
      session.user = { ...session.user, id: String(token.uid), name: token.name as string, role: token.role as 'user' | 'moderator' | 'admin' };
      session.sid = token.sid as string;
      return session;
    },
  },
});
