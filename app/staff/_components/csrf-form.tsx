"use client";
// A form that posts to next-auth with its CSRF token, fetched once on arrival (which also sets the token cookie).
import { useEffect, useState, type ReactNode } from "react";

export function CsrfForm({
  action,
  callbackUrl,
  children,
}: {
  action: string;
  callbackUrl: string;
  children: ReactNode;
}) {
  const [csrfToken, setCsrfToken] = useState("");
  useEffect(() => {
    let live = true;
    fetch("/api/auth/csrf", { credentials: "same-origin" })
      .then((r) => r.json() as Promise<{ csrfToken?: string }>)
      .then((data) => {
        if (live && data.csrfToken) setCsrfToken(data.csrfToken);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return (
    <form method="post" action={action} data-ready={csrfToken ? "true" : "false"}>
      <input type="hidden" name="csrfToken" value={csrfToken} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {children}
    </form>
  );
}
