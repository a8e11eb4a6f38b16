/**
 * Where an annotation says a diagnostic is. GitHub attaches a step's annotations to the workflow's
 * repository (GITHUB_REPOSITORY at GITHUB_SHA), whatever the step read: when the checkout is another
 * repository's, a `file` would point at a file of that path in the workflow's repository, or at none.
 * Then the message says where instead, as the job summary does.
 */
import type * as core from "@actions/core";
import { formatDiagnostic, type Diagnostic } from "../../change.js";
import type { Repository } from "../../github/commit.js";

/** On the file and line, or `path:line: ` at the head of the message. */
export type Locating = "on-file" | "in-message";

/** `origin`: the checkout's repository on this GitHub server, undefined when it is elsewhere. GitHub's names ignore case. */
export function locating(origin: Repository | undefined, workflowRepository: string): Locating {
  const own = origin !== undefined && `${origin.owner}/${origin.repo}`.toLowerCase() === workflowRepository.toLowerCase();
  return own ? "on-file" : "in-message";
}

/** The message and properties of `d`'s annotation. */
export function annotationOf(d: Diagnostic, at: Locating): [message: string, properties: core.AnnotationProperties] {
  const title = "gitops-promote";
  if (at === "in-message") return [formatDiagnostic(d), { title }];
  return [d.message, { ...(d.file && { file: d.file }), ...(d.line !== undefined && { startLine: d.line }), title }];
}
