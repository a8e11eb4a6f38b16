// GitHub's wording for request bodies that break the schema ("Invalid request.\n\n..."), from ajv's errors.
import type { ErrorObject } from "ajv";

function field(error: ErrorObject): string {
  return error.instancePath.replace(/^\//, "").replaceAll("/", ".");
}

function phrase(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "maxProperties":
      return `No more than ${String(params.limit)} properties are allowed; ${String(countOf(error))} were supplied.`;
    case "required":
      return `"${String(params.missingProperty)}" wasn't supplied.`;
    case "minLength":
    case "maxLength":
      return `${JSON.stringify(error.data)} is too ${error.keyword === "minLength" ? "short" : "long"} (${error.keyword === "minLength" ? "minimum" : "maximum"} is ${String(params.limit)} characters) for ${field(error)}.`;
    case "enum":
      return `${JSON.stringify(error.data)} is not a member of ${JSON.stringify(params.allowedValues)} for ${field(error)}.`;
    case "type":
      return `For '${field(error)}', ${JSON.stringify(error.data)} is not ${String(params.type)}.`;
    default:
      return `${field(error) || "body"} ${error.message ?? error.keyword}`;
  }
}

function countOf(error: ErrorObject): number {
  return error.data && typeof error.data === "object" ? Object.keys(error.data).length : 0;
}

export function requestErrorMessage(errors: ErrorObject[]): string {
  return `Invalid request.\n\n${[...new Set(errors.map(phrase))].join("\n")}`;
}
