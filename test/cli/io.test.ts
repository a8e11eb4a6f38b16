/** The CLI's view of the process's streams. */
import { PassThrough, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { OutputError, outputWritten, printJson, streamIo } from "../../src/cli/io.js";
import { commandsRun } from "../support/runner-commands.js";

/** A stream every write to fails with `code`. */
function failing(code: string, message: string): Writable {
  return new Writable({ write: (_chunk, _encoding, callback) => callback(Object.assign(new Error(message), { code })) });
}

/** A pipe whose reader has exited (`| head -c1`, a jq that failed): every write fails with EPIPE. */
const closedPipe = () => failing("EPIPE", "write EPIPE");

/** A full disk (`> /dev/full`). */
const fullDisk = () => failing("ENOSPC", "ENOSPC: no space left on device, write");

describe("streamIo", () => {
  it("writes to the streams it is given", () => {
    const [stdout, stderr] = [new PassThrough(), new PassThrough()];
    const io = streamIo(stdout, stderr, { HOME: "/home/me" });
    io.stdout("out\n");
    io.stderr("err\n");
    expect([String(stdout.read()), String(stderr.read()), io.env.HOME]).toEqual(["out\n", "err\n", "/home/me"]);
  });

  it("reads the standard input to its end, only when asked: a terminal is no input, and a run that reads none never opens it", async () => {
    const piped = new PassThrough();
    piped.end('{"v": 1}\n');
    let opened = 0;
    const io = streamIo(new PassThrough(), new PassThrough(), {}, () => (opened++, piped));
    expect(opened).toBe(0);
    expect([await io.stdin?.(), opened]).toEqual(['{"v": 1}\n', 1]);
    const terminal = Object.assign(new PassThrough(), { isTTY: true });
    expect(await streamIo(new PassThrough(), new PassThrough(), {}, () => terminal).stdin?.()).toBeUndefined();
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

  it("keeps a failed write to stdout (a full disk) for flushed, whatever failed after it; a reader gone (EPIPE) is no failure", async () => {
    const full = streamIo(fullDisk(), new PassThrough(), {});
    full.stdout("{\n");
    full.stdout("}\n");
    await expect(full.flushed?.()).rejects.toThrow("ENOSPC: no space left on device, write");
    const gone = streamIo(closedPipe(), new PassThrough(), {});
    gone.stdout("{\n");
    gone.stdout("}\n");
    await expect(gone.flushed?.()).resolves.toBeUndefined();
  });

  it("says nothing of a failed write to stderr, which has nowhere to be said, and does not end the process", async () => {
    const stdout = new PassThrough();
    const io = streamIo(stdout, fullDisk(), {});
    io.stderr("warning: …\n");
    io.stdout("done\n");
    await io.flushed?.();
    expect(String(stdout.read())).toBe("done\n");
  });

  it("under GitHub Actions fences a write that could hold a workflow command, on either stream, ended with its line break; elsewhere writes it as it is", () => {
    const text = " note: |\n   ::add-mask::main\n";
    const [stdout, stderr] = [new PassThrough(), new PassThrough()];
    const io = streamIo(stdout, stderr, { GITHUB_ACTIONS: "true" });
    io.stdout(text);
    io.stderr("warning: a.yaml:1: holds ##[add-mask]main");
    io.stdout("plain\n");
    const [out, err] = [String(stdout.read()), String(stderr.read())];
    expect(out).toMatch(/^::stop-commands::(\S+)\n note: \|\n {3}::add-mask::main\n::\1::\nplain\n$/);
    expect(err).toMatch(/^::stop-commands::(\S+)\nwarning: a\.yaml:1: holds ##\[add-mask\]main\n::\1::\n$/);
    expect([commandsRun(out), commandsRun(err)]).toEqual([[], []]);

    const outside = new PassThrough();
    streamIo(outside, new PassThrough(), { GITHUB_ACTIONS: "false" }).stdout(text);
    expect(String(outside.read())).toBe(text);
  });

  it("prints JSON that needs no fence, so a program reads it whole under GitHub Actions too", () => {
    const stdout = new PassThrough();
    const value = { message: "holds ##[add-mask]main, ::error::x" };
    printJson(streamIo(stdout, new PassThrough(), { GITHUB_ACTIONS: "true" }), value);
    const out = String(stdout.read());
    expect([JSON.parse(out), commandsRun(out)]).toEqual([value, []]);
  });
});

describe("outputWritten", () => {
  it("fails a run whose output is its work (a dry run) when stdout could not be written", async () => {
    const io = streamIo(fullDisk(), new PassThrough(), {});
    io.stdout("--- a/values.yaml\n");
    await expect(outputWritten(io)).rejects.toThrow(new OutputError("could not write to standard output (ENOSPC: no space left on device, write)"));
  });

  it("says on stderr that a run's work stands when only its report is lost", async () => {
    const stderr = new PassThrough();
    const io = streamIo(fullDisk(), stderr, {});
    io.stdout("values.yaml\n");
    await outputWritten(io, "the files were written");
    expect(String(stderr.read())).toBe(
      "warning: could not write to standard output (ENOSPC: no space left on device, write); the files were written, so the exit code is 0\n",
    );
  });

  it("says nothing when stdout was written", async () => {
    const [stdout, stderr] = [new PassThrough(), new PassThrough()];
    const io = streamIo(stdout, stderr, {});
    io.stdout("values.yaml\n");
    await outputWritten(io, "the files were written");
    expect([String(stdout.read()), stderr.read()]).toEqual(["values.yaml\n", null]);
  });
});
