import type { Language } from "../languages";
import { en } from "./en";
import { sv, type Messages } from "./sv";

export type { Messages };

const dictionaries: Record<Language, Messages> = { sv, en };

export function getMessages(language: Language): Messages {
  return dictionaries[language];
}
