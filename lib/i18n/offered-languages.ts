// The languages this deployment offers: its policy file's `languages`, the first the default. Every language decision
// (proxy.ts, pages, actions, route handlers) and every language switcher takes them from here.
import "server-only";
import { getPolicy } from "@/lib/policy/current-policy";
import type { OfferedLanguages } from "./languages";

export function offeredLanguages(): OfferedLanguages {
  // The file's schema requires at least one language.
  return getPolicy().languages as unknown as OfferedLanguages;
}
