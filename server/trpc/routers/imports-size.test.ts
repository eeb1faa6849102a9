import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/server/db/client";
import { parseImportFile } from "@/server/importers/parse-file";
import { createTestDb } from "@/server/testing/test-db";
import { signedInCaller } from "@/server/testing/users";

vi.mock("@/server/importers/parse-file", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/server/importers/parse-file")>();
  return { ...original, parseImportFile: vi.fn(original.parseImportFile) };
});
vi.mock("papaparse", async (importOriginal) => {
  const original = await importOriginal<{ default: { parse: (...args: unknown[]) => unknown } }>();
  return { default: { ...original.default, parse: vi.fn(original.default.parse) } };
});

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(() => handle.close());

describe("the size cap", () => {
  it("refuses a 100 MB file on its length, before zod or any parser reads it", async () => {
    const Papa = (await import("papaparse")).default;
    const { caller } = await signedInCaller(handle.db);
    const content = "asin\ttitle\n" + "B000000001\tT\n".repeat((100 * 1024 * 1024) / 13);
    expect(content.length).toBeGreaterThan(100_000_000);
    for (const call of [caller.imports.preview, caller.imports.commit]) {
      await expect(call({ fileName: "huge.tsv", content })).rejects.toMatchObject({
        appCode: "IMPORT_TOO_LARGE",
        message: expect.stringContaining("up to 20 MB"),
      });
    }
    expect(parseImportFile).not.toHaveBeenCalled();
    expect(Papa.parse).not.toHaveBeenCalled();
  });

  it("refuses a file just over 20 MB of bytes before parsing", async () => {
    const { caller } = await signedInCaller(handle.db);
    // 21 MB of two-byte characters: under the character cap, over the byte cap.
    const content = "é".repeat(11 * 1024 * 1024);
    await expect(caller.imports.preview({ fileName: "big.csv", content })).rejects.toMatchObject({
      appCode: "IMPORT_TOO_LARGE",
    });
    const Papa = (await import("papaparse")).default;
    expect(Papa.parse).not.toHaveBeenCalled();
  });
});
