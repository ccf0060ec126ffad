// The OpenAPI 3.1 document of /api/v1, generated from the same zod schemas the handlers parse with (schemas.ts).
// OpenAPI 3.1 schemas are JSON Schema 2020-12, which is z.toJSONSchema's default target.
import { z } from "zod";
import {
  changesQuerySchema,
  changesResponseSchema,
  contactListResponseSchema,
  listContactsQuerySchema,
  contactResponseSchema,
  errorBodySchema,
  privacyRequestBodySchema,
  privacyRequestResponseSchema,
  setRoleBodySchema,
  setRoleResponseSchema,
  upsertOrganisationBodySchema,
  upsertOrganisationResponseSchema,
  subscriptionChangeBodySchema,
  subscriptionChangeResponseSchema,
  topicsResponseSchema,
  suppressionCheckBodySchema,
  suppressionCheckResponseSchema,
  upsertContactBodySchema,
  upsertContactResponseSchema,
} from "./schemas";

type JsonSchema = Record<string, unknown>;

/** Requests are described by what the client sends (before trimming and normalising), responses by what it gets. */
function schemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  void _drop;
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const jsonContent = (name: string) => ({ content: { "application/json": { schema: ref(name) } } });
const error = (description: string) => ({ description, ...jsonContent("Error") });

const ERRORS = {
  "401": error("Missing, unknown or revoked API key (code unauthorized)"),
  "403": error("The key's scope does not allow this operation (code forbidden)"),
  "413": error("The request body is larger than 64 KB (code payload_too_large)"),
  "422": error("Validation failed (code validation_failed, per-field details in fields)"),
  "429": {
    ...error("This key made too many requests; retry after the Retry-After header's seconds (code rate_limited)"),
    headers: { "Retry-After": { description: "Seconds until the key's window ends", schema: { type: "integer" } } },
  },
  "500": error("Internal error (code internal)"),
};

function queryParameters(schema: z.ZodType): object[] {
  const json = schemaOf(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: "query",
    required: json.required?.includes(name) ?? false,
    schema: s,
  }));
}

export function buildOpenApiDocument(opts: { serverUrl?: string } = {}): Record<string, unknown> {
  return {
    openapi: "3.1.0",
    info: {
      title: "Tillit CRM sync API",
      version: "1.0.0",
      description:
        "Keep a CRM in step with the contact register: upsert contacts, organisations and roles, read contacts, follow changes (opt-outs, " +
        "erasures), check addresses against the suppression list, record privacy requests and subscription " +
        "changes the person asked for through your system, and read the topics. Keys are created by " +
        "admins; READ keys may call GET endpoints and the suppression check, WRITE keys everything.",
    },
    servers: [{ url: `${opts.serverUrl ?? ""}/api/v1` }],
    security: [{ bearer: [] }],
    paths: {
      "/contacts": {
        get: {
          operationId: "listContacts",
          summary:
            "Contacts whose own fields changed since a time (or all), oldest change first, in pages; subscription " +
            "and role changes and erasures are in /changes (READ)",
          parameters: queryParameters(listContactsQuerySchema),
          responses: { "200": { description: "A page of contacts", ...jsonContent("ContactList") }, ...ERRORS },
        },
        put: {
          operationId: "upsertContact",
          summary: "Create or update a contact by email (WRITE)",
          requestBody: { required: true, ...jsonContent("UpsertContactRequest") },
          responses: {
            "200": { description: "Updated", ...jsonContent("UpsertContactResponse") },
            "201": { description: "Created", ...jsonContent("UpsertContactResponse") },
            "409": error("The address has a suppression tombstone (code suppressed, with reasons)"),
            ...ERRORS,
          },
        },
      },
      "/contacts/{id}": {
        get: {
          operationId: "getContact",
          summary: "A contact with roles and subscriptions (READ)",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            "200": { description: "The contact", ...jsonContent("Contact") },
            "404": error("No such contact (code not_found)"),
            ...ERRORS,
          },
        },
      },
      "/contacts/{id}/subscriptions": {
        put: {
          operationId: "changeSubscription",
          summary: "Record a subscription change the person asked for through your system, with how they asked (WRITE)",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          requestBody: { required: true, ...jsonContent("SubscriptionChangeRequest") },
          responses: {
            "200": {
              description: "The topic's state now, and whether this changed it",
              ...jsonContent("SubscriptionChangeResponse"),
            },
            "404": error("No such contact (code not_found)"),
            "409": error("The person opted out of all marketing; only they can take that back (code conflict)"),
            ...ERRORS,
          },
        },
      },
      "/contacts/{id}/roles": {
        put: {
          operationId: "setRole",
          summary:
            "Add, change or end the contact's role at an organisation, found by organisation number and type (WRITE)",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          requestBody: { required: true, ...jsonContent("SetRoleRequest") },
          responses: {
            "200": {
              description: "The role was there; changedFields says what changed",
              ...jsonContent("SetRoleResponse"),
            },
            "201": { description: "The role was added", ...jsonContent("SetRoleResponse") },
            "404": error("No such contact (code not_found)"),
            ...ERRORS,
          },
        },
      },
      "/organisations": {
        put: {
          operationId: "upsertOrganisation",
          summary: "Create or update an organisation by organisation number (WRITE)",
          requestBody: { required: true, ...jsonContent("UpsertOrganisationRequest") },
          responses: {
            "200": { description: "Updated", ...jsonContent("UpsertOrganisationResponse") },
            "201": { description: "Created", ...jsonContent("UpsertOrganisationResponse") },
            ...ERRORS,
          },
        },
      },
      "/topics": {
        get: {
          operationId: "listTopics",
          summary: "The topics a person can be subscribed to, archived ones marked (READ)",
          responses: { "200": { description: "Every topic", ...jsonContent("Topics") }, ...ERRORS },
        },
      },
      "/changes": {
        get: {
          operationId: "listChanges",
          summary: "Changes since a time or after a cursor, oldest first (READ)",
          parameters: queryParameters(changesQuerySchema),
          responses: { "200": { description: "A page of changes", ...jsonContent("Changes") }, ...ERRORS },
        },
      },
      "/suppressions/check": {
        post: {
          operationId: "checkSuppression",
          summary: "Whether an address is suppressed, and why (READ)",
          requestBody: { required: true, ...jsonContent("SuppressionCheckRequest") },
          responses: {
            "200": { description: "The verdict", ...jsonContent("SuppressionCheckResponse") },
            ...ERRORS,
          },
        },
      },
      "/privacy-requests": {
        post: {
          operationId: "recordPrivacyRequest",
          summary: "Record a privacy request received by email, phone or letter (WRITE)",
          requestBody: { required: true, ...jsonContent("PrivacyRequestRequest") },
          responses: {
            "201": { description: "Recorded", ...jsonContent("PrivacyRequest") },
            "404": error("No contact with that id (code not_found)"),
            ...ERRORS,
          },
        },
      },
    },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "tk_<prefix>_<secret>" } },
      schemas: {
        Error: schemaOf(errorBodySchema, "output"),
        UpsertContactRequest: schemaOf(upsertContactBodySchema, "input"),
        UpsertContactResponse: schemaOf(upsertContactResponseSchema, "output"),
        Contact: schemaOf(contactResponseSchema, "output"),
        ContactList: schemaOf(contactListResponseSchema, "output"),
        Changes: schemaOf(changesResponseSchema, "output"),
        SuppressionCheckRequest: schemaOf(suppressionCheckBodySchema, "input"),
        SuppressionCheckResponse: schemaOf(suppressionCheckResponseSchema, "output"),
        PrivacyRequestRequest: schemaOf(privacyRequestBodySchema, "input"),
        PrivacyRequest: schemaOf(privacyRequestResponseSchema, "output"),
        SubscriptionChangeRequest: schemaOf(subscriptionChangeBodySchema, "input"),
        SubscriptionChangeResponse: schemaOf(subscriptionChangeResponseSchema, "output"),
        Topics: schemaOf(topicsResponseSchema, "output"),
        UpsertOrganisationRequest: schemaOf(upsertOrganisationBodySchema, "input"),
        UpsertOrganisationResponse: schemaOf(upsertOrganisationResponseSchema, "output"),
        SetRoleRequest: schemaOf(setRoleBodySchema, "input"),
        SetRoleResponse: schemaOf(setRoleResponseSchema, "output"),
      },
    },
  };
}
