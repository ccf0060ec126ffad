// next-auth 4's database adapter over our own models (StaffUser is next-auth's "user"). Only the methods email and
// OAuth sign-in with database sessions use. There is no self sign-up: createUser refuses, staff are invited by an admin.
// Sessions have an absolute lifetime on top of next-auth's sliding expiry: next-auth renews a session on use for ever,
// so the adapter refuses (and deletes) one whose sign-in is older than `sessionMaxAgeSeconds`, and never lets a
// renewal reach past that moment.
import "server-only";
import type { Adapter, AdapterAccount, AdapterSession, AdapterUser, VerificationToken } from "next-auth/adapters";
import type { Db } from "@/lib/db/client";
import type { StaffUser } from "@/lib/generated/prisma/client";

export class SelfSignUpRefused extends Error {
  constructor() {
    super("Staff users are created by an admin; sign-in never creates one.");
    this.name = "SelfSignUpRefused";
  }
}

type DbSource = Db | (() => Promise<Db>);

const toUser = (u: StaffUser): AdapterUser => ({
  id: u.id,
  email: u.email,
  name: u.name,
  image: u.image,
  emailVerified: u.emailVerified,
});

type SessionRow = { sessionToken: string; userId: string; expires: Date; createdAt: Date };

export type StaffAdapterOptions = {
  /** A session ends this long after sign-in, however often it was renewed (STAFF_SESSION_MAX_HOURS). */
  sessionMaxAgeSeconds: number;
};

export function staffAdapter(source: DbSource, { sessionMaxAgeSeconds }: StaffAdapterOptions): Adapter {
  const db = async () => (typeof source === "function" ? source() : source);
  const endOf = (s: Pick<SessionRow, "createdAt">) => new Date(s.createdAt.getTime() + sessionMaxAgeSeconds * 1000);
  const earlier = (a: Date, b: Date) => (a.getTime() <= b.getTime() ? a : b);
  const toSession = (s: SessionRow): AdapterSession => ({
    sessionToken: s.sessionToken,
    userId: s.userId,
    expires: earlier(s.expires, endOf(s)),
  });
  return {
    async createUser() {
      throw new SelfSignUpRefused();
    },
    async getUser(id) {
      const u = await (await db()).staffUser.findUnique({ where: { id } });
      return u?.active ? toUser(u) : null;
    },
    async getUserByEmail(email) {
      const u = await (await db()).staffUser.findUnique({ where: { email: email.trim().toLowerCase() } });
      return u?.active ? toUser(u) : null;
    },
    async getUserByAccount({ provider, providerAccountId }) {
      const account = await (
        await db()
      ).account.findUnique({
        where: { provider_providerAccountId: { provider, providerAccountId } },
        include: { user: true },
      });
      return account?.user.active ? toUser(account.user) : null;
    },
    async updateUser({ id, ...data }) {
      // Sign-in only ever records that the address was verified; names and roles are the admin's.
      const u = await (
        await db()
      ).staffUser.update({
        where: { id },
        data: data.emailVerified !== undefined ? { emailVerified: data.emailVerified } : {},
      });
      return toUser(u);
    },
    async linkAccount(account: AdapterAccount) {
      await (
        await db()
      ).account.create({
        data: {
          userId: account.userId,
          type: account.type,
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          refresh_token: account.refresh_token ?? null,
          access_token: account.access_token ?? null,
          expires_at: account.expires_at ?? null,
          token_type: account.token_type ?? null,
          scope: account.scope ?? null,
          id_token: account.id_token ?? null,
          session_state: typeof account.session_state === "string" ? account.session_state : null,
        },
      });
    },
    async createSession(session) {
      return toSession(await (await db()).session.create({ data: session }));
    },
    async getSessionAndUser(sessionToken) {
      const client = await db();
      const found = await client.session.findUnique({ where: { sessionToken }, include: { user: true } });
      if (!found) return null;
      // A deactivated staff user is signed out everywhere at their next request.
      if (!found.user.active) {
        await client.session.deleteMany({ where: { userId: found.userId } });
        return null;
      }
      // Past its absolute lifetime: gone, whatever the sliding expiry says (next-auth then clears the cookie).
      if (endOf(found).getTime() <= Date.now()) {
        await client.session.deleteMany({ where: { sessionToken } });
        return null;
      }
      return { session: toSession(found), user: toUser(found.user) };
    },
    async updateSession({ sessionToken, expires }) {
      const client = await db();
      if (!expires) {
        const s = await client.session.findUnique({ where: { sessionToken } });
        return s ? toSession(s) : null;
      }
      const current = await client.session.findUnique({ where: { sessionToken }, select: { createdAt: true } });
      if (!current) return null;
      const bounded = earlier(expires, endOf(current));
      const { count } = await client.session.updateMany({ where: { sessionToken }, data: { expires: bounded } });
      if (count === 0) return null;
      const s = await client.session.findUnique({ where: { sessionToken } });
      return s ? toSession(s) : null;
    },
    async deleteSession(sessionToken) {
      const client = await db();
      const s = await client.session.findUnique({ where: { sessionToken } });
      await client.session.deleteMany({ where: { sessionToken } });
      return s ? toSession(s) : null;
    },
    async createVerificationToken(token: VerificationToken) {
      await (await db()).verificationToken.create({ data: token });
      return token;
    },
    async useVerificationToken({ identifier, token }) {
      const client = await db();
      const found = await client.verificationToken.findUnique({ where: { identifier_token: { identifier, token } } });
      if (!found) return null;
      // Single use: only the request that actually deletes the row gets it.
      const { count } = await client.verificationToken.deleteMany({ where: { identifier, token } });
      return count === 1 ? found : null;
    },
  };
}
