/**
 * `update --payload FILE|-`: a dispatch payload (DESIGN §7), read for the run the update Action
 * makes of it: its images are the incoming images and its targets the targets. It is checked by
 * the one validator both Actions use, its fields named from `--payload` as the Action names them
 * from `client_payload`, but not against GitHub's limits on an event's payload: no event carried it. `-` is the standard input, so that `gitops-promote dispatch ... --dry-run`
 * pipes into it and both sides are tried locally.
 */
import { readFile } from "node:fs/promises";
import { parseJson, parseUnsentPayload, PayloadError, type Payload } from "../engine/payload.js";
import { isRecord } from "../json-value.js";
import { UsageError, type Io } from "./io.js";

/** The payload's name in messages: `--payload.images[0]: ...`, as the Action says `client_payload.images[0]: ...`. */
export const PAYLOAD_FIELD = "--payload";

/**
 * What the payload brings beside --image and --target: nothing. The Action reads no payload when
 * its images input is set, and has no targets input (a payload's targets are its only ones).
 * There the input and the event come from two people, so one is read and the other named in a
 * warning; here both are in one command, where either mix is a mistake.
 */
export function payloadConflict(options: { readonly image?: readonly string[]; readonly target?: readonly string[] }): string | undefined {
  if (options.image)
    return "--payload and --image: the payload's images are the incoming images (the update Action reads no payload when its images input is set); give one or the other";
  if (options.target)
    return "--payload and --target: the payload's targets are the targets, as in the update Action, which has no other; name them in the payload (gitops-promote dispatch --target NAME --dry-run)";
  return undefined;
}

/** The payload in `file`, or on the standard input for `-`; throws PayloadError for one that is not valid, UsageError when there is none to read. */
export async function readPayload(file: string, io: Io): Promise<Payload> {
  const text = file === "-" ? await standardInput(io) : await fileText(file);
  // What a failed `gitops-promote dispatch` leaves in a pipe: said as such, not as JSON's "unexpected end".
  if (text.trim() === "") throw new PayloadError(PAYLOAD_FIELD, `${file === "-" ? "the standard input" : file} is empty`);
  // A file saved by an editor that marks UTF-8 (Notepad) starts with a byte order mark, which JSON.parse refuses.
  const value = parseJson(text.replace(/^\uFEFF/, ""), PAYLOAD_FIELD);
  if (isDispatchReport(value)) {
    throw new PayloadError(
      PAYLOAD_FIELD,
      'is what gitops-promote dispatch --json prints ({"payload", "dispatched"}), not a payload: leave out --json (dispatch --dry-run prints the payload alone) or pass on its payload (| jq .payload)',
    );
  }
  // No event carried it: GitHub's limits on sending one are dispatch's to meet, and a file may hold what a
  // workflow_dispatch delivered (65,535 characters, more than client_payload's 64KB of UTF-8).
  return parseUnsentPayload(value, PAYLOAD_FIELD);
}

/** `dispatch --json`'s object, which holds a payload but is none (no `v`). */
function isDispatchReport(value: unknown): boolean {
  return isRecord(value) && !("v" in value) && isRecord(value["payload"]) && Array.isArray(value["dispatched"]);
}

async function standardInput(io: Io): Promise<string> {
  const text = await io.stdin?.();
  if (text === undefined) {
    throw new UsageError(
      "--payload -: nothing is piped into the standard input (a terminal); pipe the payload in (gitops-promote dispatch ... --dry-run | gitops-promote update DIR --payload -) or name its file",
    );
  }
  return text;
}

/** A file named on the command line, relative to the current directory: it is no file of DIR's tree. */
async function fileText(file: string): Promise<string> {
  if (file === "") throw new UsageError("--payload is empty: name the payload's file, or - for the standard input");
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code === "ENOENT") throw new UsageError(`--payload ${file} does not exist`);
    if (code === "EISDIR") throw new UsageError(`--payload ${file} is a directory, not a file`);
    if (code === "EACCES" || code === "EPERM") throw new UsageError(`--payload ${file} cannot be read: permission denied`);
    throw error;
  }
}
