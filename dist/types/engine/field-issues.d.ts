/** Marking diagnostics as the request field they are about (RequestIssue), so a face names its own input or flag. */
import type { Diagnostic } from "../change.js";
import { type RequestIssue } from "./request.js";
/** The issues, each marked as the request's `field` (RequestIssue). */
export declare function ofField(field: NonNullable<RequestIssue["field"]>, issues: readonly Diagnostic[]): RequestIssue[];
/** What `run` returns; a RequestError it throws is thrown with its issues marked as the request's `field`. */
export declare function asIssuesOf<T>(field: NonNullable<RequestIssue["field"]>, run: () => T): T;
