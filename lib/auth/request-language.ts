// The language of the request that asked for a sign-in link, Swedish when there is no request context.
import "server-only";
import { DEFAULT_LANGUAGE, type Language } from "@/lib/i18n/languages";
import { getLanguage } from "@/lib/i18n/server";

export async function requestLanguage(): Promise<Language> {
  try {
    return await getLanguage();
  } catch {
    return DEFAULT_LANGUAGE;
  }
}
