import { createVerify, generateKeyPairSync } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createAudibleApi } from "./api";
import { createAudibleHttp } from "./http";
import { mapLibraryItem } from "./map";
import { ADP_ALGORITHM, adpStringToSign, signAdpRequest } from "./signing";
import { startUpstream, type CannedResponse, type RecordedRequest } from "./testing/upstream-server";

const pair = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});
const adpToken = "{enc:ZW5j}{key:a2V5}{iv:aXY=}{name:QURQVG9rZW5FbmNyeXB0aW9uS2V5}{serial:Mg==}";
const adp = { adpToken, devicePrivateKey: pair.privateKey };
const date = new Date("2026-02-03T04:05:06.789Z");

/** `base64sig:date`; base64 has no colon, the ISO date does. */
function splitSignature(header: string): { signature: string; signedDate: string } {
  const colon = header.indexOf(":");
  return { signature: header.slice(0, colon), signedDate: header.slice(colon + 1) };
}

function verifies(req: RecordedRequest, prefix: string): boolean {
  const { signature, signedDate } = splitSignature(String(req.headers["x-adp-signature"]));
  const data = adpStringToSign({
    method: req.method,
    pathAndQuery: req.url.slice(prefix.length),
    date: signedDate,
    body: req.body,
    adpToken,
  });
  return createVerify("RSA-SHA256").update(data, "utf8").verify(pair.publicKey, signature, "base64");
}

describe("ADP signing", () => {
  it("signs METHOD\\npath?query\\ndate\\nbody\\nadp_token with the device key", () => {
    const headers = signAdpRequest(
      { method: "post", pathAndQuery: "/1.0/wishlist?x=1", body: '{"asin":"B0"}', date },
      adp,
    );
    expect(headers["x-adp-token"]).toBe(adpToken);
    expect(headers["x-adp-alg"]).toBe(ADP_ALGORITHM);
    const { signature, signedDate } = splitSignature(headers["x-adp-signature"]);
    expect(signedDate).toBe("2026-02-03T04:05:06.789Z");
    const exact = `POST\n/1.0/wishlist?x=1\n2026-02-03T04:05:06.789Z\n{"asin":"B0"}\n${adpToken}`;
    expect(createVerify("RSA-SHA256").update(exact).verify(pair.publicKey, signature, "base64")).toBe(true);
    expect(
      createVerify("RSA-SHA256")
        .update(exact.replace("x=1", "x=2"))
        .verify(pair.publicKey, signature, "base64"),
    ).toBe(false);
  });

  it("accepts a bare base64 PKCS#8 key (Android registrations)", () => {
    const der = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const bare = der.privateKey.export({ type: "pkcs8", format: "der" }).toString("base64");
    const headers = signAdpRequest(
      { method: "GET", pathAndQuery: "/1.0/library", date },
      { adpToken, devicePrivateKey: bare },
    );
    const { signature } = splitSignature(headers["x-adp-signature"]);
    const data = `GET\n/1.0/library\n${date.toISOString()}\n\n${adpToken}`;
    expect(createVerify("RSA-SHA256").update(data).verify(der.publicKey, signature, "base64")).toBe(true);
  });
});

let handler: (req: RecordedRequest) => CannedResponse = () => ({ status: 500, body: "{}" });
let upstream: Awaited<ReturnType<typeof startUpstream>>;
const http = createAudibleHttp({ maxRetries: 0 });

beforeAll(async () => {
  upstream = await startUpstream((req) => handler(req));
});
afterEach(() => void upstream.requests.splice(0));
afterAll(async () => {
  await http.close();
  await upstream.close();
});

const client = () =>
  createAudibleApi({
    marketplace: "de",
    credentials: { accessToken: "Atna|t", adp },
    http,
    templates: upstream.templates,
    now: () => date,
  });

describe("audible api", () => {
  it("reads a library page with Total-Count and State-Token, signed over the path without the base prefix", async () => {
    handler = () => ({
      status: 200,
      body: JSON.stringify({
        items: [{ asin: "B000000001", title: "One" }],
        response_groups: ["product_desc"],
      }),
      headers: { "Total-Count": "1201", "State-Token": "1700000000000" },
    });
    const page = await client().libraryPage({
      page: 2,
      numResults: 1000,
      responseGroups: ["product_desc", "contributors"],
    });
    expect(page).toMatchObject({
      totalCount: 1201,
      stateToken: "1700000000000",
      responseGroups: ["product_desc"],
    });
    expect(page.items[0]).toMatchObject({ asin: "B000000001" });
    const [req] = upstream.requests;
    expect(req?.url).toBe(
      "/api.audible.de/1.0/library?num_results=1000&page=2&response_groups=product_desc%2Ccontributors",
    );
    expect(req?.headers["x-amz-access-token"]).toBe("Atna|t");
    expect(req?.headers["x-adp-alg"]).toBe("SHA256withRSA:1.0");
    expect(req && verifies(req, "/api.audible.de")).toBe(true);
  });

  it("returns an empty page when items is null and maps 403 to AUDIBLE_AUTH_FAILED", async () => {
    handler = () => ({ status: 200, body: '{"items":null}' });
    expect((await client().libraryPage({ page: 400, numResults: 50 })).items).toEqual([]);
    handler = () => ({ status: 403, body: '{"message":"Request could not be authenticated"}' });
    await expect(client().libraryPage({ page: 1, numResults: 50 })).rejects.toMatchObject({
      code: "AUDIBLE_AUTH_FAILED",
    });
  });

  it("reads catalogue, stats, last positions and the profile from the right hosts", async () => {
    handler = (req) => {
      if (req.url.startsWith("/api.audible.de/1.0/catalog/products/"))
        return { status: 200, body: '{"product":{"asin":"B1","title":"T"}}' };
      if (req.url.startsWith("/api.audible.de/1.0/catalog/products"))
        return { status: 200, body: '{"products":[{"asin":"B2"}]}' };
      if (req.url.startsWith("/api.audible.de/1.0/stats/status/finished"))
        return {
          status: 200,
          body: '{"mark_as_finished_status_list":[{"asin":"B1","is_marked_as_finished":true,"event_timestamp":"2026-01-01T00:00:00Z"}]}',
        };
      if (req.url.startsWith("/api.audible.de/1.0/annotations/lastpositions"))
        return {
          status: 200,
          body: '{"asin_last_position_heard_annots":[{"asin":"B1","last_position_heard":{"position_ms":42}}]}',
        };
      if (req.url === "/api.amazon.de/user/profile")
        return { status: 200, body: '{"user_id":"amzn1.account.X","name":"Ann"}' };
      return { status: 404, body: "{}" };
    };
    const api = client();
    expect((await api.catalogProduct("B1"))?.title).toBe("T");
    expect((await api.catalogSearch({ keywords: "dune", numResults: 10, page: 0 })).products).toHaveLength(1);
    expect(await api.finishedStatus()).toEqual([
      { asin: "B1", is_marked_as_finished: true, event_timestamp: "2026-01-01T00:00:00Z" },
    ]);
    expect((await api.lastPositions(["B1", "B2"]))[0]?.last_position_heard?.position_ms).toBe(42);
    expect((await api.userProfile()).user_id).toBe("amzn1.account.X");
    expect(await api.libraryItem("B404")).toBeNull();
    expect(upstream.requests.map((r) => r.url)).toContain(
      "/api.audible.de/1.0/annotations/lastpositions?asins=B1%2CB2",
    );
    for (const req of upstream.requests)
      expect(verifies(req, req.url.startsWith("/api.amazon") ? "/api.amazon.de" : "/api.audible.de")).toBe(
        true,
      );
  });

  it("hands on items whose fields do not fit, but refuses a page whose envelope does not", async () => {
    handler = () => ({ status: 200, body: '{"items":[{"asin":"B1","title":"T","authors":"Ann"},42]}' });
    const { items } = await client().libraryPage({ page: 1, numResults: 50 });
    expect(items).toHaveLength(2);
    expect(mapLibraryItem(items[0], { marketplace: "de" })).toMatchObject({
      ok: true,
      media: { authors: [] },
    });
    expect(mapLibraryItem(items[1], { marketplace: "de" })).toMatchObject({
      ok: false,
      reason: "not an object",
    });

    handler = () => ({ status: 200, body: '{"items":"B1"}' });
    await expect(client().libraryPage({ page: 1, numResults: 50 })).rejects.toMatchObject({
      code: "AUDIBLE_UNAVAILABLE",
      reason: "schema",
    });
  });

  it("treats an HTML outage page as AUDIBLE_UNAVAILABLE", async () => {
    handler = () => ({
      status: 200,
      body: "<html>Website Temporarily Unavailable</html>",
      headers: { "content-type": "text/html" },
    });
    await expect(client().libraryPage({ page: 1, numResults: 50 })).rejects.toMatchObject({
      code: "AUDIBLE_UNAVAILABLE",
      reason: "not-json",
    });
  });
});
