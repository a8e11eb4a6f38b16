import { describe, expect, it } from "vitest";
import { inPayloadTerms } from "../../../src/action/update/payload-targets.js";
import { RequestError } from "../../../src/engine/request.js";

/** The issues of what `inPayloadTerms` makes of the engine's refusal. */
const issuesOf = (error: unknown) => (error instanceof RequestError ? error.issues : []);

describe("a payload's targets that name no configured target", () => {
  it("are the payload's field, with the targets the configuration has", () => {
    const refused = new RequestError([{ message: 'targets: no target named "prod" (configured: staging, production, kcl)' }]);
    expect(issuesOf(inPayloadTerms(refused, "inputs.payload", undefined))).toEqual([
      { message: 'inputs.payload.targets: no target named "prod" (configured: staging, production, kcl)' },
    ]);
  });

  it("say that the repository has no configuration defining targets, or that the configuration given defines none", () => {
    const refused = new RequestError([{ message: 'targets: no target named "staging" (configured: none)' }]);
    expect(issuesOf(inPayloadTerms(refused, "client_payload", undefined))).toEqual([
      { message: 'client_payload.targets: no target named "staging": this repository has no .github/gitops-promote.yaml (or .yml) defining targets' },
    ]);
    expect(issuesOf(inPayloadTerms(refused, "client_payload", "deploy/promote.yaml"))).toEqual([
      { message: 'client_payload.targets: no target named "staging": deploy/promote.yaml defines no targets' },
    ]);
  });

  it("leave the configuration's own issues about its targets, and other errors, as they are", () => {
    const configIssue = new RequestError([{ file: ".github/gitops-promote.yaml", line: 8, message: "targets: must be a list" }]);
    expect(inPayloadTerms(configIssue, "client_payload", undefined)).toBe(configIssue);
    const other = new Error("branch main does not exist on origin");
    expect(inPayloadTerms(other, "client_payload", undefined)).toBe(other);
  });
});
