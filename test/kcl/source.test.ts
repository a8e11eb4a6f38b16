/** Positions in a KCL text: UTF-16 indexes to splice, UTF-8 byte offsets of the real file, lines and columns. */
import { describe, expect, it } from "vitest";
import { SourceText } from "../../src/kcl/source.js";

describe("SourceText", () => {
  it("converts a UTF-16 index to the file's UTF-8 byte offset and back", () => {
    // 2-byte (é), 3-byte (配置, 镜像) and 4-byte (😀, two UTF-16 units) characters before the literal.
    const text = '# é 配置 😀\nimage = "nginx:1.0"  # 镜像\n';
    const source = new SourceText(text);
    const at = text.indexOf('"nginx');
    const byte = source.byteOffset(at);
    expect(byte).toBe(Buffer.byteLength(text.slice(0, at)));
    expect(
      Buffer.from(text)
        .subarray(byte, byte + 11)
        .toString(),
    ).toBe('"nginx:1.0"');
    expect(source.indexOfByte(byte)).toBe(at);
  });

  it("agrees with the encoded file at every character start", () => {
    const text = "a\u00e9b\u4e2d\ud83d\ude00c\n";
    const source = new SourceText(text);
    for (let i = 0; i <= text.length; i++) {
      // The second unit of a surrogate pair starts no character.
      if (i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff) continue;
      const byte = Buffer.byteLength(text.slice(0, i));
      expect([source.byteOffset(i), source.indexOfByte(byte)]).toEqual([byte, i]);
    }
  });

  it("keeps offsets as they are in ASCII text", () => {
    const source = new SourceText('a = "x"\n');
    expect([0, 4, 8].map((i) => source.byteOffset(i))).toEqual([0, 4, 8]);
    expect([0, 4, 8].map((b) => source.indexOfByte(b))).toEqual([0, 4, 8]);
  });

  it("numbers lines and columns from 1, with LF, CRLF and a lone CR ending lines", () => {
    const text = "a = 1\r\nb = 2\rc = 3\nd";
    const source = new SourceText(text);
    const c = text.indexOf("c");
    expect([source.line(c), source.column(c + 4)]).toEqual([3, 5]);
    expect([source.lineStart(c + 2), source.lineEnd(c), source.nextLineStart(c)]).toEqual([c, c + 5, c + 6]);
    expect(source.nextLineStart(text.length - 1)).toBe(text.length);
  });

  it("gives new lines the file's first line ending, LF when it has none (a lone CR ends no line to KCL)", () => {
    expect(["a\r\nb\n", "a\rb\r\n", "a\nb\r\n", "a"].map((text) => new SourceText(text).lineEnding())).toEqual(["\r\n", "\r\n", "\n", "\n"]);
  });
});
