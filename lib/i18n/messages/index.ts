import type { Language } from "../languages";
import * as accountability from "./accountability";
import { en } from "./en";
import * as linkPages from "./link-pages";
import * as mailings from "./mailings";
import * as myData from "./my-data";
import * as publicPages from "./public-pages";
import * as register from "./register";
import * as segments from "./segments";
import * as staff from "./staff";
import * as staffAdmin from "./staff-admin";
import * as staffImport from "./staff-import";
import { sv } from "./sv";

// One namespace per feature area, each in its own file, so features can grow their texts without touching others.
const dictionaries = {
  sv: {
    ...sv,
    accountability: accountability.sv,
    linkPages: linkPages.sv,
    mailings: mailings.sv,
    myData: myData.sv,
    publicPages: publicPages.sv,
    register: register.sv,
    segments: segments.sv,
    staff: staff.sv,
    staffAdmin: staffAdmin.sv,
    staffImport: staffImport.sv,
  },
  en: {
    ...en,
    accountability: accountability.en,
    linkPages: linkPages.en,
    mailings: mailings.en,
    myData: myData.en,
    publicPages: publicPages.en,
    register: register.en,
    segments: segments.en,
    staff: staff.en,
    staffAdmin: staffAdmin.en,
    staffImport: staffImport.en,
  },
} satisfies Record<Language, unknown>;

export type Messages = (typeof dictionaries)["sv"];
const checked: Record<Language, Messages> = dictionaries;

export function getMessages(language: Language): Messages {
  return checked[language];
}
