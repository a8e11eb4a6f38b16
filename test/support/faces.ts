/**
 * The field namers the faces put on the requests they build: the update Action's, read from its inputs
 * as a run reads them, and the CLI's flags. A message told either names the field as that face spells it.
 */
import { readUpdateInputs } from "../../src/action/update/inputs.js";
import { byFlag, type FieldNamer } from "../../src/field-name.js";

export const actionFieldName: FieldNamer = readUpdateInputs(
  { getInput: (name) => (name === "images" ? "ghcr.io/acme/app:1.2.3" : "") },
  { eventName: "push", payload: {} },
).request.fieldName!;

export const cliFieldName: FieldNamer = byFlag;
