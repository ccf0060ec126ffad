// A form that posts to next-auth with its CSRF token rendered on the server, so it works before hydration and with
// scripts blocked (proxy.ts sets the token's cookie on the sign-in pages).
import type { ReactNode } from "react";
import { currentCsrfToken } from "@/lib/auth/current-csrf-token";

export async function CsrfForm({
  action,
  callbackUrl,
  children,
}: {
  action: string;
  callbackUrl: string;
  children: ReactNode;
}) {
  const csrfToken = await currentCsrfToken();
  return (
    <form method="post" action={action}>
      <input type="hidden" name="csrfToken" value={csrfToken} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {children}
    </form>
  );
}
