import { describe, expect, it } from "vitest";
import { escapeAttribute, escapeHtml } from "../../src/action/summary-html.js";

describe("job summary markup", () => {
  it("text keeps a branch or message as text, quotes included", () => {
    expect(escapeHtml(`feature/<b>&co "x"`)).toBe(`feature/&lt;b&gt;&amp;co "x"`);
  });

  it("an attribute value cannot end its quotes", () => {
    expect(escapeAttribute(`https://example.com/a?x=1&y="2"><script>`)).toBe("https://example.com/a?x=1&amp;y=&quot;2&quot;&gt;&lt;script&gt;");
  });
});
