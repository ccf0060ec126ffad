// Suggests which column of an uploaded file holds which contact field, from Swedish and English header names as CRM
// exports and hand-made spreadsheets write them. Staff confirm or change the suggestion before the preview.
import { z } from "zod";

export const IMPORT_FIELDS = [
  "name",
  "firstName",
  "lastName",
  "email",
  "phone",
  "jobTitle",
  "language",
  "organisationName",
  "orgNumber",
  "roleType",
  "category",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Field → column index in the file. */
export const columnMappingSchema = z.partialRecord(z.enum(IMPORT_FIELDS), z.number().int().min(0));
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

// Header names compared after normalising (lower case, letters and digits only).
const SYNONYMS: Record<ImportField, string[]> = {
  name: ["namn", "name", "fullname", "fullständigtnamn", "kontaktperson", "contactname", "contact"],
  firstName: ["förnamn", "firstname", "givenname", "fornamn"],
  lastName: ["efternamn", "lastname", "surname", "familyname"],
  email: ["epost", "email", "mail", "epostadress", "emailaddress", "mejl", "mailadress"],
  phone: ["telefon", "phone", "tel", "telefonnummer", "phonenumber", "mobil", "mobile", "mobilnummer", "mobilephone"],
  jobTitle: ["titel", "jobtitle", "title", "befattning", "yrkestitel", "position"],
  language: ["språk", "language", "lang", "sprak"],
  organisationName: [
    "organisation",
    "organization",
    "company",
    "företag",
    "foretag",
    "bolag",
    "organisationsnamn",
    "companyname",
    "account",
  ],
  orgNumber: [
    "organisationsnummer",
    "orgnr",
    "orgnummer",
    "organisationsnr",
    "orgno",
    "organisationnumber",
    "organizationnumber",
    "companynumber",
    "registrationnumber",
  ],
  roleType: ["roll", "role", "kontakttyp", "contacttype", "roletype"],
  category: ["kategori", "category", "kontaktkategori", "contactcategory", "kundtyp", "customertype"],
};

const normaliseHeader = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9åäöéü]/g, "");

export function suggestColumnMapping(input: { headers: string[] }): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<number>();
  for (const field of IMPORT_FIELDS) {
    const names = SYNONYMS[field];
    const index = input.headers.findIndex((h, i) => !taken.has(i) && names.includes(normaliseHeader(h)));
    if (index >= 0) {
      mapping[field] = index;
      taken.add(index);
    }
  }
  return mapping;
}
