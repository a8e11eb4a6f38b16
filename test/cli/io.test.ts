/** The CLI's view of the process's streams. */
import { PassThrough, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { streamIo } from "../../src/cli/io.js";

/** A pipe whose reader has exited (`| head -c1`, a jq that failed): every write fails with EPIPE. */
function closedPipe(): Writable {
  return new Writable({ write: (_chunk, _encoding, callback) => callback(Object.assign(new Error("write EPIPE"), { code: "EPIPE" })) });
}

describe("streamIo", () => {
  it("writes to the streams it is given", () => {
    const [stdout, stderr] = [new PassThrough(), new PassThrough()];
    const io = streamIo(stdout, stderr, { HOME: "/home/me" });
    io.stdout("out\n");
    io.stderr("err\n");
    expect([String(stdout.read()), String(stderr.read()), io.env.HOME]).toEqual(["out\n", "err\n", "/home/me"]);
  });

  it("stops writing quietly when the reader has gone (EPIPE): no unhandled error, later writes are dropped", async () => {
    const [stdout, stderr] = [closedPipe(), closedPipe()];
    const io = streamIo(stdout, stderr, {});
    io.stdout("{\n");
    io.stderr("warning: …\n");
    await new Promise((resolve) => setImmediate(resolve));
    io.stdout("}\n");
    await new Promise((resolve) => setImmediate(resolve));
    expect([stdout.destroyed, stderr.destroyed]).toEqual([true, true]);
  });
});
