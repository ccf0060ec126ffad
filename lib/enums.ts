// The register's closed vocabularies as value lists, for zod schemas, pickers and filters. Each list is checked
// against the database enum it mirrors, so a value added in prisma/schema.prisma and forgotten here is a compile error
// in the direction that matters (no value here that the database would refuse).
import type {
  ContactCategory,
  LegalBasis,
  PrivacyRequestChannel,
  Purpose,
  Relationship,
  RoleType,
  SourceType,
} from "@/lib/generated/prisma/enums";

export const RELATIONSHIPS = [
  "CUSTOMER",
  "FORMER_CUSTOMER",
  "PROSPECT",
  "PARTNER",
  "SUPPLIER",
] as const satisfies readonly Relationship[];

export const CATEGORIES = [
  "CUSTOMER_CONTACT",
  "PROSPECT",
  "PARTNER_CONTACT",
  "SUPPLIER_CONTACT",
] as const satisfies readonly ContactCategory[];

export const ROLE_TYPES = [
  "COMMERCIAL_CONTACT",
  "SYSTEM_ADMINISTRATOR",
  "SYSTEM_OWNER",
  "TECHNICAL_CONTACT",
  "BILLING_CONTACT",
  "OTHER",
] as const satisfies readonly RoleType[];

export const SOURCE_TYPES = [
  "NAMED_BY_CUSTOMER",
  "MET_AT_EVENT",
  "IMPORTED",
  "STAFF_ENTRY",
  "SIGNUP_FORM",
] as const satisfies readonly SourceType[];

export const LEGAL_BASES = [
  "CONSENT",
  "CONTRACT",
  "LEGAL_OBLIGATION",
  "LEGITIMATE_INTEREST",
] as const satisfies readonly LegalBasis[];

export const PURPOSE_KEYS = [
  "CUSTOMER_SERVICE",
  "SERVICE_NOTICES",
  "MARKETING_MAILINGS",
  "SEGMENTATION_ANALYSIS",
  "PROSPECTING",
  "SUPPLIER_ADMINISTRATION",
] as const satisfies readonly Purpose[];

/** How a person asked staff to erase them (the channels staff record; self-service is WEB). */
export const ERASURE_CHANNELS = ["EMAIL", "PHONE", "LETTER"] as const satisfies readonly PrivacyRequestChannel[];
