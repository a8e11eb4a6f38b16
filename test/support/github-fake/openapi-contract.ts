// GitHub's official OpenAPI description as the fake's contract: every request and response body is checked with ajv.
// The 73 MB dereferenced spec is parsed once per process (vitest runs one fork per test file) and validators are
// compiled lazily, once per operation and status.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface MediaType {
  schema?: JsonObject;
  example?: Json;
  examples?: Record<string, { value: Json }>;
}

export interface OpenApiOperation {
  operationId: string;
  requestBody?: { content: Record<string, MediaType> };
  responses: Record<string, { content?: Record<string, MediaType> }>;
}

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

interface Spec {
  paths: Record<string, Partial<Record<HttpMethod, OpenApiOperation>>>;
}

let spec: Spec | undefined;
let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

function loadSpec(): Spec {
  if (!spec) {
    const file = createRequire(import.meta.url).resolve("@octokit/openapi/generated/api.github.com.deref.json");
    spec = JSON.parse(readFileSync(file, "utf8")) as Spec;
  }
  return spec;
}

function getAjv(): Ajv {
  if (!ajv) {
    ajv = new Ajv({ strict: false, allErrors: true, verbose: true });
    // ajv-formats is CommonJS; its default export arrives wrapped depending on the loader.
    const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv) => Ajv;
    addFormats(ajv);
    ajv.addFormat("int64", true);
    ajv.addFormat("int32", true);
    ajv.addFormat("repo.nwo", /^[^/]+\/[^/]+$/);
  }
  return ajv;
}

export function operation(method: HttpMethod, template: string): OpenApiOperation {
  const op = loadSpec().paths[template]?.[method];
  if (!op) throw new Error(`OpenAPI has no ${method.toUpperCase()} ${template}`);
  return op;
}

/** OpenAPI 3.0 allows `nullable` beside allOf/oneOf without a `type`; ajv 8 refuses that, so rewrite it as anyOf null. */
function normalise(node: Json): Json {
  if (Array.isArray(node)) return node.map(normalise);
  if (node === null || typeof node !== "object") return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) out[key] = key === "example" || key === "examples" ? value : normalise(value);
  if (out.nullable === true && out.type === undefined) {
    delete out.nullable;
    return { anyOf: [out, { type: "null" }] };
  }
  return out;
}

function validator(key: string, schema: JsonObject): ValidateFunction {
  let v = validators.get(key);
  if (!v) {
    v = getAjv().compile(normalise(schema) as JsonObject);
    validators.set(key, v);
  }
  return v;
}

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? e.keyword}${e.params ? " " + JSON.stringify(e.params) : ""}`);
}

/** Schema errors of a response body; undefined when the status is not documented for the operation. */
export function checkResponse(method: HttpMethod, template: string, status: number, body: unknown): string[] | undefined {
  const op = operation(method, template);
  const response = op.responses[String(status)];
  if (!response) return undefined;
  const schema = response.content?.["application/json"]?.schema;
  // GitHub answers every error with a body ({ message, documentation_url, errors? }), also where the description gives it none.
  if (!schema) return body === undefined || (status >= 400 && isErrorBody(body)) ? [] : [`/ status ${status} has no body in the spec`];
  const v = validator(`${op.operationId} ${status}`, schema);
  return v(body) ? [] : describe(v.errors);
}

function isErrorBody(body: unknown): boolean {
  return typeof body === "object" && body !== null && "message" in body && typeof body.message === "string";
}

/** Schema errors of a request body, in ajv's raw form so the fake can phrase them like GitHub does. */
export function checkRequest(method: HttpMethod, template: string, body: unknown): ErrorObject[] {
  const op = operation(method, template);
  const schema = op.requestBody?.content["application/json"]?.schema;
  if (!schema) return [];
  const v = validator(`${op.operationId} request`, schema);
  return v(body) ? [] : [...(v.errors ?? [])];
}

/** A deep copy of the spec's first example for a response: a template that the fake patches with real values. */
export function responseExample(method: HttpMethod, template: string, status: number): JsonObject {
  const media = operation(method, template).responses[String(status)]?.content?.["application/json"];
  const example = media?.examples ? Object.values(media.examples)[0]?.value : media?.example;
  if (example === undefined || example === null || typeof example !== "object" || Array.isArray(example)) {
    throw new Error(`OpenAPI has no object example for ${method.toUpperCase()} ${template} ${status}`);
  }
  return structuredClone(example);
}

export type { Json, JsonObject };
