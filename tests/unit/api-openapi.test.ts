// The OpenAPI document is generated from the handlers' own zod schemas: it lists every endpoint, the bearer scheme and
// the error shape, and its request schemas say what the parser says.
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { upsertContactBodySchema } from "@/lib/api/schemas";

type Schema = {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  $ref?: string;
  enum?: unknown[];
};
const doc = buildOpenApiDocument() as {
  openapi: string;
  info: { title: string; version: string };
  security: unknown[];
  paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>>;
  components: { securitySchemes: Record<string, { type: string; scheme: string }>; schemas: Record<string, Schema> };
};

/** Follows "#/components/schemas/X" references inside the document. */
function resolve(s: unknown): Schema {
  const ref = (s as Schema).$ref;
  if (!ref) return s as Schema;
  const name = ref.replace("#/components/schemas/", "");
  const target = doc.components.schemas[name];
  if (!target) throw new Error(`dangling reference ${ref}`);
  return target;
}

describe("OpenAPI document", () => {
  it("is an OpenAPI 3.1 document with bearer security", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.title).toBeTruthy();
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.security).toEqual([{ bearer: [] }]);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it("lists every endpoint with its method", () => {
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        "/changes",
        "/contacts",
        "/contacts/{id}",
        "/contacts/{id}/roles",
        "/contacts/{id}/subscriptions",
        "/organisations",
        "/privacy-requests",
        "/suppressions/check",
        "/topics",
      ].sort(),
    );
    expect(Object.keys(doc.paths["/contacts/{id}/subscriptions"]!)).toEqual(["put"]);
    expect(Object.keys(doc.paths["/topics"]!)).toEqual(["get"]);
    expect(Object.keys(doc.paths["/contacts"]!)).toEqual(["get", "put"]);
    expect(Object.keys(doc.paths["/contacts/{id}"]!)).toEqual(["get"]);
    expect(Object.keys(doc.paths["/changes"]!)).toEqual(["get"]);
    expect(Object.keys(doc.paths["/suppressions/check"]!)).toEqual(["post"]);
    expect(Object.keys(doc.paths["/privacy-requests"]!)).toEqual(["post"]);
  });

  it("documents the error schema on every operation, and every reference resolves", () => {
    const error = doc.components.schemas.Error!;
    expect(error.required).toEqual(["error"]);
    expect(error.properties!.error!.required).toEqual(["code", "message"]);
    expect(error.properties!.error!.properties!.code!.enum).toContain("validation_failed");
    for (const methods of Object.values(doc.paths)) {
      for (const op of Object.values(methods)) {
        for (const status of ["401", "422", "500"]) expect(op.responses[status], status).toBeDefined();
      }
    }
    const refs = JSON.stringify(doc).match(/"#\/components\/schemas\/[^"]+"/g) ?? [];
    for (const r of refs) expect(() => resolve({ $ref: JSON.parse(r) })).not.toThrow();
  });

  it("requires exactly what the PUT /contacts parser requires", () => {
    const op = doc.paths["/contacts"]!.put!;
    const body = resolve(
      (op.requestBody as { content: Record<string, { schema: unknown }> }).content["application/json"]!.schema,
    );
    expect(body.type).toBe("object");
    expect([...(body.required ?? [])].sort()).toEqual(["category", "email", "name", "source"]);
    expect(Object.keys(body.properties!).sort()).toEqual(Object.keys(upsertContactBodySchema.shape).sort());
    expect(body.properties!.category!.enum).toEqual(upsertContactBodySchema.shape.category.options);
    // The parser agrees: each required field missing is an error on that field, the optional ones are not.
    const valid = { email: "a@b.se", name: "A", category: "PROSPECT", source: { type: "MET_AT_EVENT" } };
    expect(upsertContactBodySchema.safeParse(valid).success).toBe(true);
    for (const field of ["email", "name", "category", "source"] as const) {
      const { [field]: _omit, ...rest } = valid;
      void _omit;
      const r = upsertContactBodySchema.safeParse(rest);
      expect(r.success, field).toBe(false);
      expect(r.error!.issues.map((i) => i.path[0])).toContain(field);
    }
    expect(resolve(body.properties!.source!).required).toEqual(["type"]);
  });
});

describe("OpenAPI document, checked by a standard validator", () => {
  it("passes @apidevtools/swagger-parser's validation (schema and references)", async () => {
    const { default: SwaggerParser } = await import("@apidevtools/swagger-parser");
    // validate() dereferences in place: give it a copy.
    const api = await SwaggerParser.validate(
      structuredClone(buildOpenApiDocument({ serverUrl: "https://tillit.test" })) as never,
    );
    expect((api as { openapi?: string }).openapi).toBe("3.1.0");
  });

  it("and the validator is not a yes-sayer: a dangling reference fails", async () => {
    const { default: SwaggerParser } = await import("@apidevtools/swagger-parser");
    const broken = structuredClone(buildOpenApiDocument()) as { components: { schemas: Record<string, unknown> } };
    delete broken.components.schemas.Contact;
    await expect(SwaggerParser.validate(broken as never)).rejects.toThrow();
  });
});
