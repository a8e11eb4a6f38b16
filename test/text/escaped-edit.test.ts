import { describe, expect, it } from "vitest";
import { escapedEdit, type Decoded } from "../../src/text/escaped-edit.js";

/** `source` read with `\u` escapes of four digits (a stand-in for a quoted string's own decoder). */
function decoded(source: string): Decoded {
  let text = "";
  const map: number[] = [];
  for (let i = 0; i < source.length;) {
    const escape = /^\\u([0-9a-f]{4})/i.exec(source.slice(i));
    const unit = escape ? String.fromCharCode(parseInt(escape[1]!, 16)) : source[i]!;
    map.push(i);
    text += unit;
    i += escape ? 6 : 1;
  }
  map.push(source.length);
  return { text, map };
}

const encode = (text: string) => text.replace(/[^ -~]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

/** The source with `after` written into it by escapedEdit. */
function edited(source: string, after: string): string {
  const edit = escapedEdit(decoded(source), after, encode)!;
  return source.slice(0, edit.start) + edit.insert + source.slice(edit.end);
}

describe("escapedEdit: another string written into escaped source, the escapes around what changes kept", () => {
  it("encodes only the units that differ", () => {
    expect(edited("a=\\u0022app:1.2.3\\u0022", 'a="app:1.2.4"')).toBe("a=\\u0022app:1.2.4\\u0022");
    expect(edited("\\u0022x\\u0022", '"x:1"')).toBe("\\u0022x:1\\u0022");
  });

  it("takes an escape standing for two units whole, never half of it", () => {
    // Decoded by a reader of \U escapes, 😀 is two units with one source offset.
    const pair: Decoded = { text: "a😀b", map: [0, 1, 1, 11, 12] };
    const edit = escapedEdit(pair, "a😁b", encode)!;
    expect([edit.start, edit.end]).toEqual([1, 11]);
    expect(edit.insert).toBe("\\ud83d\\ude01");
  });

  it("writes nothing where the encoder cannot", () => {
    expect(escapedEdit(decoded("a"), "b", () => undefined)).toBeUndefined();
  });
});
