import { describe, expect, it } from "vitest";
import { pickDescription, sanitizeDescription } from "./description";

describe("sanitizeDescription", () => {
  it("drops scripts with their content and event-handler attributes", () => {
    const out = sanitizeDescription(
      `<p>A tale.</p><script>alert("xss")</script><p>Look: <img src="x" onerror="alert(1)"> <b>bold</b></p>`,
    );
    expect(out.html).toBe("<p>A tale.</p><p>Look:  <b>bold</b></p>");
    expect(out.html).not.toMatch(/script|onerror|<img/i);
    expect(out.text).toBe("A tale. Look: bold");
  });

  it("drops style contents and every attribute except safe links", () => {
    const out = sanitizeDescription(`<style>p{}</style><p class="x" style="color:red" id="y">Hi</p>`);
    expect(out.html).toBe("<p>Hi</p>");
  });

  it("keeps http(s) links, forcing rel and target", () => {
    const out = sanitizeDescription(
      `<a href="https://example.com/a?b=1&c=2" rel="opener" target="_self">x</a>`,
    );
    expect(out.html).toBe(
      `<a href="https://example.com/a?b=1&amp;c=2" rel="noopener noreferrer nofollow" target="_blank">x</a>`,
    );
  });

  it.each(["javascript:alert(1)", "data:text/html,hi", "//evil.example", "/relative", "vbscript:x"])(
    "strips href %s",
    (href) => {
      expect(sanitizeDescription(`<a href="${href}">x</a>`).html).toBe("<a>x</a>");
    },
  );

  it("keeps the allowed formatting tags and unwraps the rest", () => {
    const out = sanitizeDescription(
      "<div><h1>T</h1><ul><li><i>a</i></li><li><em>b</em></li></ul><ol><li><strong>c</strong></li></ol>x<br>y</div>",
    );
    expect(out.html).toBe(
      "T<ul><li><i>a</i></li><li><em>b</em></li></ul><ol><li><strong>c</strong></li></ol>x<br />y",
    );
  });

  it("decodes entities and collapses whitespace in the search text", () => {
    const out = sanitizeDescription(
      "<p>Tom &amp; Jerry&rsquo;s\n\n  &lt;tale&gt; &quot;q&quot;</p><p>Next</p>",
    );
    expect(out.text).toBe(`Tom & Jerry’s <tale> "q" Next`);
    expect(out.html).toContain("&lt;tale&gt;");
  });

  it("keeps non-Latin text intact", () => {
    expect(sanitizeDescription("<p>静かな海の物語 — Тихий Дон</p>").text).toBe("静かな海の物語 — Тихий Дон");
  });
});

describe("pickDescription", () => {
  it("prefers the fullest summary over truncated ones", () => {
    const picked = pickDescription({
      merchandising_summary: "<p>Short…</p>",
      publisher_summary: "<p>The long and complete summary.</p>",
      extended_product_description: null,
    });
    expect(picked?.text).toBe("The long and complete summary.");
  });

  it("returns null when no summary has text", () => {
    expect(pickDescription({ publisher_summary: "<p> </p>", merchandising_summary: 42 })).toBeNull();
  });
});
