// Checks HTTP requests and responses against an OpenAPI 3.1 description: operation (path + method), security
// (bearer Authorization), header parameters, content type and JSON bodies. Schemas are checked by Ajv in JSON Schema
// 2020-12 mode, the dialect OpenAPI 3.1 uses; $refs resolve inside the loaded document.
import { readFileSync } from "node:fs";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { parse } from "yaml";

// ajv-formats is CommonJS; under ESM its function is the default export's default.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv2020,
) => void;

type Parameter = { in: string; name: string; required?: boolean; schema?: object; $ref?: string };
type Operation = {
  operationId?: string;
  parameters?: Parameter[];
  security?: Record<string, string[]>[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: object }> };
  responses?: Record<string, { content?: Record<string, { schema?: object }> }>;
};
type Document = {
  paths: Record<string, Record<string, Operation>>;
  security?: Record<string, string[]>[];
  components?: { securitySchemes?: Record<string, { type: string; scheme?: string }> };
};

export type ContractRequest = {
  method: string;
  path: string;
  headers: Record<string, string | undefined>;
  body: unknown;
};
export type MatchedOperation = { operationId: string; pathTemplate: string; params: Record<string, string> };
export type RequestCheck = { operation: MatchedOperation | null; problems: string[] };

const DOC_ID = "openapi";

// One JSON-pointer token, made safe for a URI fragment ({ } in path templates must be percent-encoded).
const escapePointer = (s: string) => encodeURIComponent(s.replace(/~/g, "~0").replace(/\//g, "~1"));

export class OpenApiContract {
  private readonly doc: Document;
  private readonly ajv: Ajv2020;
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly templates: { template: string; regex: RegExp; names: string[]; literalSegments: number }[];

  constructor(file: string) {
    this.doc = parse(readFileSync(file, "utf8")) as Document;
    // strict off: OpenAPI adds keywords (example, discriminator, …) that are not JSON Schema.
    this.ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addSchema(this.doc as object, DOC_ID);
    this.templates = Object.keys(this.doc.paths).map((template) => {
      const names: string[] = [];
      const pattern = template
        .split("/")
        .map((seg) => {
          const m = /^\{(.+)\}$/.exec(seg);
          if (!m) return seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
          names.push(m[1]!);
          return "([^/]+)";
        })
        .join("/");
      return {
        template,
        regex: new RegExp(`^${pattern}$`),
        names,
        literalSegments: template.split("/").length - names.length,
      };
    });
  }

  /** Everything wrong with the request; an empty list means it follows the contract. */
  checkRequest(request: ContractRequest): RequestCheck {
    const method = request.method.toLowerCase();
    const path = request.path.split("?")[0]!;
    // A concrete path (/emails/batch) wins over a template that also matches (/emails/{email_id}).
    const candidates = this.templates
      .filter((t) => t.regex.test(path))
      .sort((a, b) => b.literalSegments - a.literalSegments);
    const match = candidates.find((t) => this.doc.paths[t.template]?.[method]);
    if (!match) {
      const allowed = candidates.length > 0;
      return {
        operation: null,
        problems: [
          allowed ? `${request.method} is not described for ${path}` : `no path in the contract matches ${path}`,
        ],
      };
    }
    const operation = this.doc.paths[match.template]![method]!;
    const values = match.regex.exec(path)!.slice(1);
    const params = Object.fromEntries(match.names.map((n, i) => [n, decodeURIComponent(values[i] ?? "")]));
    const pointer = `#/paths/${escapePointer(match.template)}/${method}`;
    const problems = [
      ...this.checkSecurity(operation, request.headers),
      ...this.checkParameters(operation, pointer, request.headers, params),
      ...this.checkBody(operation, pointer, request),
    ];
    return {
      operation: {
        operationId: operation.operationId ?? `${method} ${match.template}`,
        pathTemplate: match.template,
        params,
      },
      problems,
    };
  }

  /** Problems with a response the fake is about to send (a self-check: the fake must answer as documented). */
  checkResponse(pathTemplate: string, method: string, status: number, body: unknown): string[] {
    const responses = this.doc.paths[pathTemplate]?.[method.toLowerCase()]?.responses ?? {};
    const key =
      String(status) in responses
        ? String(status)
        : `${String(status)[0]}XX` in responses
          ? `${String(status)[0]}XX`
          : "default";
    if (!responses[key]) return [`status ${status} is not described for ${method} ${pathTemplate}`];
    if (!responses[key].content?.["application/json"]?.schema) return [];
    const pointer = `#/paths/${escapePointer(pathTemplate)}/${method.toLowerCase()}/responses/${key}/content/application~1json/schema`;
    return this.validate(pointer, body, "response body");
  }

  private checkSecurity(operation: Operation, headers: ContractRequest["headers"]): string[] {
    const requirements = operation.security ?? this.doc.security ?? [];
    if (requirements.length === 0 || requirements.some((r) => Object.keys(r).length === 0)) return [];
    const schemes = this.doc.components?.securitySchemes ?? {};
    const satisfied = requirements.some((requirement) =>
      Object.keys(requirement).every((name) => {
        const scheme = schemes[name];
        if (scheme?.type === "http" && scheme.scheme?.toLowerCase() === "bearer")
          return /^Bearer \S+$/.test(headers.authorization ?? "");
        return false; // a scheme this checker does not know is never taken as satisfied
      }),
    );
    return satisfied ? [] : ["security: no valid Authorization header (Bearer token)"];
  }

  private checkParameters(
    operation: Operation,
    pointer: string,
    headers: ContractRequest["headers"],
    pathParams: Record<string, string>,
  ): string[] {
    const problems: string[] = [];
    for (const [index, declared] of (operation.parameters ?? []).entries()) {
      const { parameter, schemaPointer } = this.resolveParameter(declared, `${pointer}/parameters/${index}`);
      if (parameter.in !== "header" && parameter.in !== "path") continue;
      const value = parameter.in === "header" ? headers[parameter.name.toLowerCase()] : pathParams[parameter.name];
      if (value === undefined) {
        if (parameter.required) problems.push(`${parameter.in} parameter ${parameter.name} is required`);
        continue;
      }
      if (parameter.schema)
        problems.push(
          ...this.validate(`${schemaPointer}/schema`, value, `${parameter.in} parameter ${parameter.name}`),
        );
    }
    return problems;
  }

  private resolveParameter(parameter: Parameter, pointer: string): { parameter: Parameter; schemaPointer: string } {
    if (!parameter.$ref) return { parameter, schemaPointer: pointer };
    const parts = parameter.$ref.replace(/^#\//, "").split("/");
    let target: unknown = this.doc;
    for (const part of parts)
      target = (target as Record<string, unknown>)[part.replace(/~1/g, "/").replace(/~0/g, "~")];
    return { parameter: target as Parameter, schemaPointer: parameter.$ref };
  }

  private checkBody(operation: Operation, pointer: string, request: ContractRequest): string[] {
    const requestBody = operation.requestBody;
    if (!requestBody) return request.body === undefined ? [] : ["request body: the operation takes none"];
    if (request.body === undefined) return requestBody.required ? ["request body: required"] : [];
    const contentType = (request.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
    if (!requestBody.content?.[contentType]) return [`request body: content type "${contentType}" is not described`];
    if (!requestBody.content[contentType].schema) return [];
    return this.validate(
      `${pointer}/requestBody/content/${escapePointer(contentType)}/schema`,
      request.body,
      "request body",
    );
  }

  private validate(pointer: string, value: unknown, what: string): string[] {
    let validate = this.compiled.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${DOC_ID}${pointer}` });
      this.compiled.set(pointer, validate);
    }
    if (validate(value)) return [];
    return (validate.errors ?? []).map(
      (e) => `${what}${e.instancePath ? ` at ${e.instancePath}` : ""}: ${e.message ?? e.keyword}`,
    );
  }
}
