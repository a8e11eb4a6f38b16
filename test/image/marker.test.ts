/** Flux setter markers: Flux's comment grammar (kyaml FieldMeta.Read) and the value each marked field gets. */
import { describe, expect, it } from "vitest";
import {
  MARKER_KEY,
  MARKER_TOKEN,
  lineMarkers,
  MarkedFields,
  markedValues,
  readMarker,
  unknownSetterWarning,
  type Marker,
  type MarkerField,
} from "../../src/image/marker.js";
import { parseImageRef } from "../../src/image/reference.js";
import type { ImageUpdate } from "../../src/image/update.js";
import { DIGEST_A, DIGEST_B, numericVersions } from "../yaml/helpers.js";

const marker = (setter: string, field: MarkerField = "ref"): Marker => ({ key: "ns:app", field, setter });

describe("readMarker", () => {
  it.each([
    ['# {"$imagepolicy": "ns:app"}', marker("ns:app")],
    ['#{"$imagepolicy":"ns:app:tag"}', marker("ns:app:tag", "tag")],
    ['#  { "$imagepolicy" : "ns:app:name" }', marker("ns:app:name", "name")],
    ['### {"$imagepolicy": "ns:app:digest"}', marker("ns:app:digest", "digest")],
    ['# {"other": "x", "$imagepolicy": "ns:app"}', marker("ns:app")],
    ['# {"\\u0024imagepolicy": "ns:app"}', marker("ns:app")],
  ])("reads %s as a marker", (comment, expected) => {
    expect(readMarker(comment)).toEqual({ marker: expected });
  });

  it.each([
    ["# plain comment", "no JSON"],
    ['# {"$openapi": "ns:app"}', "another key"],
    ['# {"note": "set by $imagepolicy"}', "the word without its quotes"],
    ["# {}", "an empty object"],
  ])("reads %s as no marker (%s)", (comment) => {
    expect(readMarker(comment)).toBeUndefined();
  });

  it.each([
    ['# {"$imagepolicy": "ns:app"} # note', "it is not one JSON object"],
    ['# marker {"$imagepolicy": "ns:app"}', "it is not one JSON object"],
    ['# ["$imagepolicy", "ns:app"]', "it is not one JSON object"],
    ['# {"$imagepolicy": "ns:app", "replicas": 3}', 'the value of "replicas" is not a string'],
    ['# {"$imagepolicy": ""}', '"" is not <namespace>:<policy>'],
    ['# {"$imagepolicy": null}', '"" is not <namespace>:<policy>'],
    ['# {"$imagepolicy": "app"}', '"app" is not <namespace>:<policy>'],
    ['# {"$imagepolicy": "ns:app:version"}', '"ns:app:version" is not <namespace>:<policy>'],
    ['# {"$imagepolicy": "ns:app:extra:tag"}', '"ns:app:extra:tag" is not <namespace>:<policy>'],
  ])("reads %s as a malformed marker: %s", (comment, reason) => {
    const reading = readMarker(comment);
    expect(reading).toEqual({ error: expect.stringContaining(reason) });
    expect(reading).toEqual({ error: expect.stringContaining("Flux ignores it, so the value is left as it is") });
  });

  it("names the malformed comment in its error", () => {
    expect(readMarker('# {"$imagepolicy": "ns:app"} # note')).toEqual({
      error: 'malformed Flux setter marker {"$imagepolicy": "ns:app"} # note: it is not one JSON object; Flux ignores it, so the value is left as it is',
    });
  });

  it("names a comment holding a line separator with it escaped (\\u2028), so the warning stays one line of a log", () => {
    expect(readMarker('# {"$imagepolicy":\u2028"ns:app"}')).toEqual({
      error: 'malformed Flux setter marker {"$imagepolicy":\\u2028"ns:app"}: it is not one JSON object; Flux ignores it, so the value is left as it is',
    });
    expect(readMarker('# {"$imagepolicy": "ns:app\u2029"}')).toEqual({
      error:
        'malformed Flux setter marker {"$imagepolicy": "ns:app\\u2029"}: "ns:app\\u2029" is not <namespace>:<policy> optionally followed by :tag, :name or :digest; ' +
        "Flux ignores it, so the value is left as it is",
    });
    expect(readMarker("# {'$imagepolicy': 'ns:app', 'note\u2028': 'x'}")).toEqual({
      ignored:
        "{'$imagepolicy': 'ns:app', 'note\\u2028': 'x'} is no Flux setter marker: Flux reads a marker as JSON, whose strings are double-quoted, " +
        'so it ignores this one and the value is treated as unmarked; write # {"$imagepolicy": "ns:app", "note\\u2028": "x"}',
    });
  });

  it("reads a key holding a control character, which no Kubernetes name holds, as malformed, so no warning naming the setter prints it raw", () => {
    // JSON escapes decode to an ESC (an ANSI sequence that clears a terminal) and a NEL (a line end in some logs).
    expect(['# {"$imagepolicy": "ns:app\\u001b[2J"}', '# {"$imagepolicy": "ns:app\\u0085:tag"}'].map(readMarker)).toEqual([
      {
        error:
          'malformed Flux setter marker {"$imagepolicy": "ns:app\\u001b[2J"}: "ns:app\\u001b[2J" is not <namespace>:<policy> optionally followed by :tag, :name or :digest; ' +
          "Flux ignores it, so the value is left as it is",
      },
      {
        error:
          'malformed Flux setter marker {"$imagepolicy": "ns:app\\u0085:tag"}: "ns:app\\u0085:tag" is not <namespace>:<policy> optionally followed by :tag, :name or :digest; ' +
          "Flux ignores it, so the value is left as it is",
      },
    ]);
  });

  it.each([
    ["# {'$imagepolicy': 'ns:app'}", `# {"$imagepolicy": "ns:app"}`],
    [`#{"$imagepolicy": 'ns:app:tag'}`, `# {"$imagepolicy": "ns:app:tag"}`],
  ])(
    "reads %s, which Flux ignores (JSON strings are double-quoted), as ignored: the value is unmarked, and the warning names the marker to write",
    (comment, json) => {
      const written = comment.replace(/^#\s*/, "");
      expect(readMarker(comment)).toEqual({
        ignored: `${written} is no Flux setter marker: Flux reads a marker as JSON, whose strings are double-quoted, so it ignores this one and the value is treated as unmarked; write ${json}`,
      });
    },
  );

  it("reads single quotes that would make no marker in double quotes as what they are", () => {
    expect(readMarker("# {'$imagepolicy': 'app'}")).toBeUndefined();
    expect(readMarker(`# {"$imagepolicy": 'app'}`)).toEqual({ error: expect.stringContaining("it is not one JSON object") });
    expect(readMarker("# it's the $imagepolicy's job")).toBeUndefined();
  });

  it("screens by Flux's token, the key with its quotes, and by the bare key for a marker in single quotes", () => {
    expect(MARKER_TOKEN).toBe('"$imagepolicy"');
    expect(MARKER_KEY).toBe("$imagepolicy");
  });

  it("warns about an unknown setter by its full name", () => {
    expect(unknownSetterWarning(marker("ns:app:tag", "tag"))).toBe('no image is configured for Flux setter "ns:app:tag"; the marked value is left as it is');
  });

  it("says nothing about a known key the request brings nothing for, and says why a key is left where it has a reason", () => {
    const known = new Map([
      ["ns:app", undefined],
      ["ns:web", "is defined differently at a and b"],
    ]);
    expect(unknownSetterWarning(marker("ns:app:tag", "tag"), known)).toBeUndefined();
    expect(unknownSetterWarning({ key: "ns:web", field: "tag", setter: "ns:web:tag" }, known)).toBe(
      'Flux setter "ns:web:tag" is defined differently at a and b',
    );
    expect(unknownSetterWarning({ key: "ns:db", field: "ref", setter: "ns:db" }, known)).toBe(
      'no image is configured for Flux setter "ns:db"; the marked value is left as it is',
    );
  });
});

describe("lineMarkers", () => {
  it("finds the markers written as line comments after a value, with their lines, in YAML and KCL alike", () => {
    const text = [
      'image: app:1 # {"$imagepolicy": "ns:app"}',
      'tag = "1" ## {"$imagepolicy": "ns:app:tag"}\r',
      'e = "a # b" # {"$imagepolicy": "ns:e"}',
      "",
    ].join("\n");
    expect(lineMarkers(text).map(({ marker, line, before }) => [line, marker.setter, before])).toEqual([
      [1, "ns:app", "image: app:1"],
      [2, "ns:app:tag", 'tag = "1"'],
      [3, "ns:e", 'e = "a # b"'],
    ]);
  });

  it("reads no comment on a line of its own, no malformed marker and no token outside a comment", () => {
    const text = ['# {"$imagepolicy": "ns:doc"}', '  # see {"$imagepolicy": "ns:doc"}', 'a: x # {"$imagepolicy": "ns"}', "b = '\"$imagepolicy\"'", ""].join(
      "\n",
    );
    expect(lineMarkers(text)).toEqual([]);
  });
});

describe("markedValues", () => {
  const update = (ref: string, numeric = false): ImageUpdate => ({ image: parseImageRef(ref), ...(numeric && { policy: numericVersions }) });
  const field = (field: MarkerField, text: string) => ({ marker: marker(field === "ref" ? "ns:app" : `ns:app:${field}`, field), text });

  it("writes Name:Tag@Digest for a plain marker, the name following the setter", () => {
    expect(markedValues([{ update: update(`ghcr.io/acme/app:1.1@${DIGEST_B}`), fields: [field("ref", "app:1.0")] }])).toEqual([
      [`ghcr.io/acme/app:1.1@${DIGEST_B}`],
    ]);
  });

  it("writes only the part a :name, :tag or :digest marker names", () => {
    const fields = [field("name", "old/app"), field("tag", "1.0"), field("digest", DIGEST_A)];
    expect(markedValues([{ update: update(`ghcr.io/acme/app:1.1@${DIGEST_B}`), fields }])).toEqual([["ghcr.io/acme/app", "1.1", DIGEST_B]]);
  });

  it("empties a :digest field when the tag moves on without a digest", () => {
    expect(markedValues([{ update: update("app:1.1"), fields: [field("tag", "1.0"), field("digest", DIGEST_A)] }])).toEqual([["1.1", ""]]);
  });

  it("leaves every part of a refused downgrade, and a :name field elsewhere follows that decision", () => {
    const groups = [
      { update: update("new/app:1.5", true), fields: [field("name", "old/app"), field("tag", "2.0")] },
      { update: update("new/app:1.5", true), fields: [field("name", "old/app")] },
    ];
    expect(markedValues(groups)).toEqual([[undefined, undefined], [undefined]]);
  });

  it("reads a :tag or :digest field holding a whole reference as the part it holds: no reference is taken for a digest pin or a tag (markcount17)", () => {
    const told: string[] = [];
    const whole = [field("tag", "ghcr.io/acme/app:1.0"), field("digest", "ghcr.io/acme/app:1.0")];
    expect(markedValues([{ update: update("app:1.1"), fields: whole }], (f, why) => told.push(`${f.marker.setter} ${why}`))).toEqual([["1.1", ""]]);
    expect(told).toEqual([]);
    // A pin the reference holds is one, and its tag is what the policy ranks.
    const pinned = [field("tag", `ghcr.io/acme/app:3.0@${DIGEST_A}`), field("digest", `ghcr.io/acme/app:3.0@${DIGEST_A}`)];
    expect(markedValues([{ update: update("app:2.0", true), fields: pinned }], (f, why) => told.push(`${f.marker.setter} ${why}`))).toEqual([
      [undefined, undefined],
    ]);
    expect(told).toEqual(["ns:app:tag keeps 3.0, which its policy (highest dotted number) ranks above the incoming 2.0 (allow-downgrade sets it anyway)"]);
    expect(markedValues([{ update: update("app:4.0"), fields: pinned }], (f, why) => told.push(`${f.marker.setter} ${why}`))).toEqual([["4.0", ""]]);
    expect(told.at(-1)).toMatch(/^ns:app:tag drops the digest pin sha256:[0-9a-f]{12} \(3\.0's\): /);
  });

  it("lets each plain marker decide on its own version", () => {
    const fields = [field("ref", "app:1.0"), field("ref", "app:3.0")];
    expect(markedValues([{ update: update("app:2.0", true), fields }])).toEqual([["app:2.0", undefined]]);
  });
});

describe("MarkedFields", () => {
  /** A file's marked fields as an editor meets them; what each is told and written, in order. */
  function run(sites: readonly { setter: string; text: string; document?: number; refusal?: string }[]) {
    const said: string[] = [];
    const request = {
      setters: new Map([["ns:app", { image: parseImageRef("ghcr.io/acme/app:2.0"), policy: numericVersions }]]),
      knownSetters: new Map([["ns:db", undefined]]),
    };
    const marked = new MarkedFields(request);
    for (const [i, { setter, text, document = 0, refusal }] of sites.entries()) {
      const [ns, name, field = "ref"] = setter.split(":");
      const site = {
        marker: { key: `${ns}:${name}`, field: field as MarkerField, setter },
        text,
        document,
        warn: (message: string) => said.push(`${i} warn ${message}`),
      };
      marked.add(refusal === undefined ? { ...site, write: (value: string) => said.push(`${i} write ${value}`) } : { ...site, refusal });
    }
    said.push("all added");
    marked.writeAll();
    return said;
  }

  it("warns at once about a key the request has no image for, unless it is known, and writes the others once all are added", () => {
    expect(
      run([
        { setter: "ns:web", text: "x" },
        { setter: "ns:db:tag", text: "1.0" },
        { setter: "ns:app:tag", text: "1.0" },
      ]),
    ).toEqual(['0 warn no image is configured for Flux setter "ns:web"; the marked value is left as it is', "all added", "2 write 2.0"]);
  });

  it("says a refusal only for a field its setter would write", () => {
    expect(
      run([
        { setter: "ns:app", text: "x", refusal: "never" },
        { setter: "ns:db", text: "x", refusal: "never" },
      ]),
    ).toEqual(["0 warn never", "all added"]);
  });

  it("decides the fields of one image together (a refused tag holds its name back), and each image on its own tag, in one document or another", () => {
    const name = { setter: "ns:app:name", text: "old/app" };
    const newer = { setter: "ns:app:tag", text: "3.0" };
    const older = { setter: "ns:app:tag", text: "1.0" };
    const kept = (i: number) =>
      `${i} warn Flux setter "ns:app:tag" keeps 3.0, which its policy (highest dotted number) ranks above the incoming 2.0 (allow-downgrade sets it anyway)`;
    expect(run([name, newer])).toEqual(["all added", kept(1)]);
    // A second :tag field is another image: the worker's block below the app's.
    expect(run([name, newer, { ...name, document: 0 }, { ...older, document: 0 }])).toEqual(["all added", kept(1), "2 write ghcr.io/acme/app", "3 write 2.0"]);
    expect(run([newer, { ...older, document: 1 }])).toEqual(["all added", kept(0), "1 write 2.0"]);
  });
});
