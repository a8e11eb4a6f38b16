import { describe, expect, it } from "vitest";
import { inPayloadTerms } from "../../../src/action/update/payload-targets.js";
import { PayloadError } from "../../../src/engine/payload.js";
import { RequestError } from "../../../src/engine/request.js";

describe("a payload's targets that name no configured target", () => {
  it("are the payload's field, with the targets the configuration has, in one message as every payload error", () => {
    const refused = new RequestError([{ message: 'targets: no target named "prod" (configured: staging, production, kcl)' }]);
    const error = inPayloadTerms(refused, "inputs.payload", undefined);
    expect(error).toBeInstanceOf(PayloadError);
    expect(error).toMatchObject({ message: 'inputs.payload.targets: no target named "prod" (configured: staging, production, kcl)' });
    const two = new RequestError([
      { message: 'targets: no target named "prod" (configured: staging)' },
      { message: 'targets: no target named "qa" (configured: staging)' },
    ]);
    expect(inPayloadTerms(two, "client_payload", undefined)).toMatchObject({
      message: 'client_payload.targets: no target named "prod" (configured: staging); no target named "qa" (configured: staging)',
    });
  });

  it("say that the repository has no configuration defining targets, or that the configuration given defines none", () => {
    const refused = new RequestError([{ message: 'targets: no target named "staging" (configured: none)' }]);
    expect(inPayloadTerms(refused, "client_payload", undefined)).toMatchObject({
      message: 'client_payload.targets: no target named "staging": this repository has no .github/gitops-promote.yaml (or .yml) defining targets',
    });
    expect(inPayloadTerms(refused, "client_payload", "deploy/promote.yaml")).toMatchObject({
      message: 'client_payload.targets: no target named "staging": deploy/promote.yaml defines no targets',
    });
    expect(inPayloadTerms(refused, "client_payload", "none")).toMatchObject({
      message: 'client_payload.targets: no target named "staging": config: none reads no configuration, so no target is defined',
    });
  });

  it("leave the configuration's own issues about its targets, and other errors, as they are", () => {
    const configIssue = new RequestError([{ file: ".github/gitops-promote.yaml", line: 8, message: "targets: must be a list" }]);
    expect(inPayloadTerms(configIssue, "client_payload", undefined)).toBe(configIssue);
    const other = new Error("branch main does not exist on origin");
    expect(inPayloadTerms(other, "client_payload", undefined)).toBe(other);
  });
});
