// Reads one file row through the column mapping into a normalised contact record, or the field errors that stop it.
// Pure: no database. Which rows create, update or are refused for the register's sake is decided in
// classify-import-rows.ts.
import { emailSchema, phoneSchema } from "@/lib/contacts/normalise";
import { normaliseOrgNumber } from "@/lib/organisations/org-number";
import type { ContactCategory, Language, RoleType } from "@/lib/generated/prisma/enums";
import type { ColumnMapping, ImportField } from "./suggest-column-mapping";

export type ImportErrorCode =
  | "email_required"
  | "email_invalid"
  | "email_too_long"
  | "phone_invalid"
  | "name_required"
  | "name_too_long"
  | "job_title_too_long"
  | "language_invalid"
  | "org_number_invalid"
  | "organisation_name_too_long"
  | "role_invalid"
  | "category_invalid"
  | "category_not_in_policy"
  | "duplicate_in_file"
  | "duplicate_existing"
  | "suppressed"
  | "contact_not_yours"
  | "organisation_not_yours"
  | "organisation_required";

export type RowError = { field: ImportField; code: ImportErrorCode };

/** A row's values, normalised; null where the cell is empty or its column is not mapped. */
export type ImportRecord = {
  email: string;
  name: string | null;
  phone: string | null;
  jobTitle: string | null;
  language: Language | null;
  organisationName: string | null;
  orgNumber: string | null;
  roleType: RoleType | null;
  /** The file's own category; the batch's default fills in only when this is null (resolve-import-defaults.ts). */
  category: ContactCategory | null;
};

const LANGUAGES: Record<string, Language> = {
  sv: "sv",
  svenska: "sv",
  swedish: "sv",
  se: "sv",
  en: "en",
  engelska: "en",
  english: "en",
};

const ROLE_TYPES: Record<string, RoleType> = {
  commercialcontact: "COMMERCIAL_CONTACT",
  commercial: "COMMERCIAL_CONTACT",
  kommersiellkontakt: "COMMERCIAL_CONTACT",
  kommersiell: "COMMERCIAL_CONTACT",
  affärskontakt: "COMMERCIAL_CONTACT",
  systemadministrator: "SYSTEM_ADMINISTRATOR",
  systemadministratör: "SYSTEM_ADMINISTRATOR",
  sysadmin: "SYSTEM_ADMINISTRATOR",
  systemowner: "SYSTEM_OWNER",
  systemägare: "SYSTEM_OWNER",
  technicalcontact: "TECHNICAL_CONTACT",
  technical: "TECHNICAL_CONTACT",
  tekniskkontakt: "TECHNICAL_CONTACT",
  teknisk: "TECHNICAL_CONTACT",
  billingcontact: "BILLING_CONTACT",
  billing: "BILLING_CONTACT",
  fakturakontakt: "BILLING_CONTACT",
  fakturamottagare: "BILLING_CONTACT",
  other: "OTHER",
  annan: "OTHER",
  övrig: "OTHER",
};

// The enum values, and the labels staff and CRM exports write, in Swedish and English.
const CATEGORIES: Record<string, ContactCategory> = {
  customercontact: "CUSTOMER_CONTACT",
  customer: "CUSTOMER_CONTACT",
  kund: "CUSTOMER_CONTACT",
  kundkontakt: "CUSTOMER_CONTACT",
  kontaktpersonhoskund: "CUSTOMER_CONTACT",
  prospect: "PROSPECT",
  prospekt: "PROSPECT",
  potentiellkund: "PROSPECT",
  lead: "PROSPECT",
  partnercontact: "PARTNER_CONTACT",
  partner: "PARTNER_CONTACT",
  partnerkontakt: "PARTNER_CONTACT",
  kontaktpersonhospartner: "PARTNER_CONTACT",
  suppliercontact: "SUPPLIER_CONTACT",
  supplier: "SUPPLIER_CONTACT",
  leverantör: "SUPPLIER_CONTACT",
  leverantörskontakt: "SUPPLIER_CONTACT",
  kontaktpersonhosleverantör: "SUPPLIER_CONTACT",
};

const key = (v: string) => v.toLowerCase().replace(/[^a-z0-9åäöü]/g, "");

/** The apostrophe build-rejected-rows-csv.ts puts before a cell that a spreadsheet would run as a formula. */
const FORMULA_GUARD = /^'(?=[=+\-@\t\r])/;

export function readImportRow(
  cells: string[],
  mapping: ColumnMapping,
): { record: ImportRecord; errors: RowError[] } | { record: null; errors: RowError[] } {
  const cell = (field: ImportField): string => {
    const index = mapping[field];
    const value = index === undefined ? "" : (cells[index] ?? "").trim();
    // A cell our rejected-rows file guarded against formula injection ("'+4670…") reads as what staff wrote.
    return value.replace(FORMULA_GUARD, "");
  };
  const errors: RowError[] = [];

  let email = "";
  const parsedEmail = emailSchema.safeParse(cell("email"));
  if (parsedEmail.success) email = parsedEmail.data;
  else errors.push({ field: "email", code: parsedEmail.error.issues[0]!.message as ImportErrorCode });

  let name: string | null = cell("name") || [cell("firstName"), cell("lastName")].filter(Boolean).join(" ") || null;
  if (name && name.length > 200) {
    errors.push({ field: "name", code: "name_too_long" });
    name = null;
  }

  let phone: string | null = null;
  if (cell("phone")) {
    const parsed = phoneSchema.safeParse(cell("phone"));
    if (parsed.success) phone = parsed.data;
    else errors.push({ field: "phone", code: "phone_invalid" });
  }

  const jobTitle = cell("jobTitle") || null;
  if (jobTitle && jobTitle.length > 200) errors.push({ field: "jobTitle", code: "job_title_too_long" });

  let language: Language | null = null;
  if (cell("language")) {
    language = LANGUAGES[key(cell("language"))] ?? null;
    if (!language) errors.push({ field: "language", code: "language_invalid" });
  }

  const organisationName = cell("organisationName") || null;
  if (organisationName && organisationName.length > 200)
    errors.push({ field: "organisationName", code: "organisation_name_too_long" });

  let orgNumber: string | null = null;
  if (cell("orgNumber")) {
    orgNumber = normaliseOrgNumber(cell("orgNumber"));
    if (!orgNumber) errors.push({ field: "orgNumber", code: "org_number_invalid" });
  }

  let roleType: RoleType | null = null;
  if (cell("roleType")) {
    roleType = ROLE_TYPES[key(cell("roleType"))] ?? null;
    if (!roleType) errors.push({ field: "roleType", code: "role_invalid" });
  }

  let category: ContactCategory | null = null;
  if (cell("category")) {
    category = CATEGORIES[key(cell("category"))] ?? null;
    if (!category) errors.push({ field: "category", code: "category_invalid" });
  }

  if (errors.length > 0) return { record: null, errors };
  return {
    record: { email, name, phone, jobTitle, language, organisationName, orgNumber, roleType, category },
    errors,
  };
}
