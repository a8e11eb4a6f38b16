import { describe, expect, it } from "vitest";
import { escapeAttribute, escapeHtml } from "../../src/action/summary-html.js";

describe("job summary markup", () => {
  it("text keeps a branch or message as text, quotes included", () => {
    expect(escapeHtml(`feature/<b>&co "x"`)).toBe(`feature/&lt;b&gt;&amp;co "x"`);
  });

  it("text cannot end the HTML block: a blank line from a file's text would start Markdown (a heading, a link)", () => {
    expect(escapeHtml("image.tag\n\n# Click [here](https://evil.example)\r\nx\ry")).toBe("image.tag<br><br># Click [here](https://evil.example)<br>x<br>y");
  });

  it("an attribute value cannot end its quotes", () => {
    expect(escapeAttribute(`https://example.com/a?x=1&y="2"><script>`)).toBe("https://example.com/a?x=1&amp;y=&quot;2&quot;&gt;&lt;script&gt;");
  });
});
