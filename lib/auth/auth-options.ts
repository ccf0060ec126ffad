// next-auth 4 configuration for the staff workspace: magic link through our own mail layer, optional OpenID Connect,
// database sessions (8 hours, renewed at most hourly, never past STAFF_SESSION_MAX_HOURS after sign-in), sign-in only
// for active staff on the allow-list, audited.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import EmailProvider from "next-auth/providers/email";
import type { Provider } from "next-auth/providers/index";
import StaffSignInEmail, { staffSignInSubject } from "@/emails/staff-sign-in";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";
import { nextAuthLogger } from "@/lib/log/next-auth-logger";
import { defaultSender } from "@/lib/mail/default-sender";
import { sendMail } from "@/lib/mail/send-mail";
import { requestClientAddress } from "@/lib/http/request-client-address";
import { findAllowedStaff } from "./find-allowed-staff";
import { limitStaffSignIn } from "./limit-staff-sign-in";
import { staffAdapter } from "./prisma-adapter";
import { safeCallbackUrl, signInConfirmUrl } from "./public-url";
import { requestLanguage } from "./request-language";
import { verifiedOidcAddress } from "./verified-oidc-address";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
export const SESSION_UPDATE_AGE_SECONDS = 60 * 60;
export const MAGIC_LINK_MAX_AGE_SECONDS = 15 * 60;

export const STAFF_PAGES = {
  signIn: "/staff/sign-in",
  verifyRequest: "/staff/sign-in/check-mail",
  error: "/staff/sign-in/error",
} as const;

async function audit(action: "staff.signed_in" | "staff.signed_out", staffId: string) {
  const db = await getDb();
  await db.$transaction((tx) =>
    recordAuditEvent(tx, {
      actor: { type: "STAFF", id: staffId },
      action,
      subject: { type: "StaffUser", id: staffId },
    }),
  );
}

function providers(): Provider[] {
  const config = getConfig();
  const list: Provider[] = [
    EmailProvider({
      // The provider insists on a transport setting; ours is never used, sendVerificationRequest sends instead.
      server: "smtp://unused.invalid",
      from: defaultSender(),
      maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
      async sendVerificationRequest({ identifier, url }) {
        const db = await getDb();
        // Defence in depth: the signIn callback already stops requests for addresses that may not sign in.
        if (!(await findAllowedStaff({ db, email: identifier, allowed: config.staffAuth.allowed }))) return;
        const language = await requestLanguage();
        // The link opens our page with a sign-in button; next-auth's own GET callback would sign in on any visit.
        const link = signInConfirmUrl(url, config.publicUrl);
        const result = await sendMail({
          db,
          message: {
            to: identifier,
            subject: staffSignInSubject(language),
            react: StaffSignInEmail({ url: link, expiresInMinutes: MAGIC_LINK_MAX_AGE_SECONDS / 60, language }),
            tags: [{ name: "kind", value: "staff_sign_in" }],
          },
        });
        if (!result.ok) throw new Error(`Staff sign-in mail failed: ${result.code}`);
      },
    }),
  ];
  const oidc = config.staffAuth.oidc;
  if (oidc) {
    list.push({
      id: "oidc",
      name: "OpenID Connect",
      type: "oauth",
      wellKnown: `${oidc.issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`,
      clientId: oidc.clientId,
      clientSecret: oidc.clientSecret,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      // Staff exist before their first sign-in (invited by an admin), so the identity is linked to the staff user by
      // address. next-auth calls the signIn callback before linking, and it refuses any address the provider has not
      // verified: that is what keeps this linking safe.
      allowDangerousEmailAccountLinking: true,
      profile(profile: { sub: string; email?: string; name?: string }) {
        // No fallback to preferred_username: it is a user-chosen name on many providers, not a verified address.
        return { id: profile.sub, email: verifiedOidcAddress(profile) ?? "", name: profile.name ?? null };
      },
    });
  }
  return list;
}

export function buildAuthOptions(): NextAuthOptions {
  const config = getConfig();
  return {
    adapter: staffAdapter(getDb, { sessionMaxAgeSeconds: config.staffAuth.sessionMaxHours * 3600 }),
    providers: providers(),
    secret: config.authSecret,
    useSecureCookies: config.publicUrl.startsWith("https://"),
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: SESSION_UPDATE_AGE_SECONDS },
    pages: STAFF_PAGES,
    logger: nextAuthLogger,
    callbacks: {
      async signIn({ user, email, account, profile }) {
        const db = await getDb();
        if (account?.provider === "oidc") {
          // The provider's verified address must be an active, allowed staff user's, and the user next-auth found (by
          // the linked account, or the profile on a first sign-in) must be that same staff user.
          const address = verifiedOidcAddress(profile);
          const staff = await findAllowedStaff({ db, email: address, allowed: config.staffAuth.allowed });
          return staff !== null && user.email?.trim().toLowerCase() === staff.email;
        }
        if (email?.verificationRequest) {
          // Limited per client and address (lib/auth/limit-staff-sign-in.ts); over it, the same answer and no mail.
          const clientAddress = await requestClientAddress();
          const limit = await limitStaffSignIn({ db, email: user.email ?? "", clientAddress });
          if (!limit.ok) return STAFF_PAGES.verifyRequest;
        }
        const staff = await findAllowedStaff({ db, email: user.email, allowed: config.staffAuth.allowed });
        // Asking for a link: the same "check your mail" page whether or not the address may sign in, and no mail.
        if (email?.verificationRequest) return staff ? true : STAFF_PAGES.verifyRequest;
        return staff !== null;
      },
      async redirect({ url }) {
        return safeCallbackUrl(url, config.publicUrl);
      },
      async session({ session, user }) {
        return { ...session, user: { ...session.user, id: user.id } };
      },
    },
    events: {
      async signIn({ user }) {
        await audit("staff.signed_in", user.id);
      },
      async signOut({ session }) {
        const userId = (session as { userId?: string } | null)?.userId;
        if (userId) await audit("staff.signed_out", userId);
      },
    },
  };
}

let cached: NextAuthOptions | undefined;

/** The options, built once per process on first use (never at build time: they read the configuration). */
export function getAuthOptions(): NextAuthOptions {
  cached ??= buildAuthOptions();
  return cached;
}
