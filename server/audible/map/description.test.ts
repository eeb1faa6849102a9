import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateTitle } from "@/e2e/simulator/generator";
import {
  pickDescription,
  plainText,
  plainTextLength,
  sanitizeDescription,
  sanitizeSimpleMarkup,
  sanitizeWithParser as viaSanitizer,
} from "./description";

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

describe("sanitizeSimpleMarkup, the sanitizer's shortcut", () => {
  const tag = fc.constantFrom("p", "b", "strong", "i", "em", "ul", "ol", "li", "a", "div", "P", "script");
  const token = fc.oneof(
    fc.string({ unit: fc.constantFrom("a", " ", "\n", "'", '"', "é", "静", "—", "\t") }),
    tag.map((name) => `<${name}>`),
    tag.map((name) => `</${name}>`),
    fc.constantFrom("<br>", "<br/>", "<br />", "</br>", "<p/>", "<b class=x>", "&amp;", "&", "<", ">", "\0"),
  );
  const markup = fc.array(token, { maxLength: 14 }).map((tokens) => tokens.join(""));

  it("answers exactly what sanitize-html answers whenever it answers", () => {
    let answered = 0;
    fc.assert(
      fc.property(markup, (html) => {
        const quick = sanitizeSimpleMarkup(html);
        if (quick === null) return;
        answered += 1;
        expect(quick).toBe(viaSanitizer(html));
      }),
      { numRuns: 4000 },
    );
    // Not vacuous: a good share of the generated markup is simple enough to take the shortcut.
    expect(answered).toBeGreaterThan(400);
  });

  it("takes every simulated summary but the hostile ones, with the sanitizer's result", () => {
    const summaries = Array.from({ length: 300 }, (_, index) => generateTitle("shortcut", index).summaryHtml);
    const quick = summaries.filter((html) => sanitizeSimpleMarkup(html) !== null);
    expect(quick.length).toBeGreaterThan(summaries.length * 0.9);
    for (const html of quick) expect(sanitizeSimpleMarkup(html)).toBe(viaSanitizer(html));
  });

  it.each([
    ["an entity", "<p>Tom &amp; Jerry</p>"],
    ["an attribute", '<p class="x">Hi</p>'],
    ["a link", '<a href="https://example.com">x</a>'],
    ["a tag the parser closes itself", "<p>One<p>Two</p>"],
    ["a list inside a paragraph", "<p><ul><li>x</li></ul></p>"],
    ["a list item the parser closes itself", "<ul><li>a<li>b</li></li></ul>"],
    ["misnested tags", "<b><i>x</b></i>"],
    ["an unclosed tag", "<p>x"],
    ["a disallowed tag", "<div>x</div>"],
  ])("leaves %s to sanitize-html", (_, html) => {
    expect(sanitizeSimpleMarkup(html)).toBeNull();
  });
});

describe("plainTextLength", () => {
  const token = fc.oneof(
    fc.string({
      unit: fc.constantFrom("a", "é", "静", "😀", " ", "\n", "\t", "\u00a0", "\u2009", "\u3000", "\ufeff"),
    }),
    fc.constantFrom("<p>", "</p>", "<br />", "<b class=x>", "<", ">", "<<", ">>", "&", ";"),
    fc.constantFrom("&amp;", "&lt;", "&gt;", "&quot;", "&amp;lt;", "&nbsp;", "&am", "&quot"),
  );
  const markup = fc.array(token, { maxLength: 16 }).map((tokens) => tokens.join(""));

  it("is the length of the plain text, without building it", () => {
    fc.assert(
      fc.property(markup, (html) => {
        expect(plainTextLength(html)).toBe(plainText(html).length);
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ["tags between words", "<p>One</p><p>two</p>", 7],
    ["a stray < with no > after it", "a < b", 5],
    ["a < that opens a tag up to the next >", "a < b <i>c</i>", 3],
    ["entities, once each", "&amp;lt; &quot;x&quot;", 8],
    ["only whitespace and tags", " <br /> \u00a0 ", 0],
  ])("counts %s", (_, html, length) => {
    expect(plainTextLength(html)).toBe(length);
    expect(plainText(html)).toHaveLength(length);
  });
});
