// Types every message key and locale through next-intl: t("linkPages.prefs.heading") with a key that does not exist
// in the catalogue is a compile error, in server and client components alike.
import type { Language } from "./languages";
import type { Messages } from "./catalogue";

declare module "next-intl" {
  interface AppConfig {
    Locale: Language;
    Messages: Messages;
  }
}
