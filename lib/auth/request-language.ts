// The language of the request that asked for a sign-in link, the deployment's default when there is no request context.
import "server-only";
import type { Language } from "@/lib/i18n/languages";
import { offeredLanguages } from "@/lib/i18n/offered-languages";
import { getLanguage } from "@/lib/i18n/server";

export async function requestLanguage(): Promise<Language> {
  try {
    return await getLanguage();
  } catch {
    return offeredLanguages()[0];
  }
}
