/** Marking diagnostics as the request field they are about (RequestIssue), so a face names its own input or flag. */
import type { Diagnostic } from "../change.js";
import { RequestError, type RequestIssue } from "./request.js";

/** The issues, each marked as the request's `field` (RequestIssue). */
export function ofField(field: NonNullable<RequestIssue["field"]>, issues: readonly Diagnostic[]): RequestIssue[] {
  return issues.map((issue) => ({ ...issue, field }));
}

/** What `run` returns; a RequestError it throws is thrown with its issues marked as the request's `field`. */
export function asIssuesOf<T>(field: NonNullable<RequestIssue["field"]>, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof RequestError) throw new RequestError(ofField(field, error.issues));
    throw error;
  }
}
