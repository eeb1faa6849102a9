import { TRPCError } from "@trpc/server";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { useSimulatorAndDb } from "@/server/testing/simulator-suite";
import { anonymousCaller, signedInCaller } from "@/server/testing/users";
import { appRouter } from "./root";

const suite = useSimulatorAndDb();

type AnyCaller = Record<string, unknown>;
const procedureAt = (caller: AnyCaller, path: string) =>
  path.split(".").reduce<unknown>((node, key) => (node as AnyCaller)[key], caller) as (
    input: unknown,
  ) => Promise<unknown>;

// Inputs people (or attackers) could send: JSON-ish values, wrong types, huge strings, prototype tricks.
const hostileInput = fc.oneof(
  fc.jsonValue(),
  fc.anything(),
  fc.record({ __proto__: fc.jsonValue(), constructor: fc.jsonValue() }, { requiredKeys: [] }),
  fc.string({ maxLength: 5000 }),
  fc.dictionary(
    fc.constantFrom(
      "q",
      "marketplace",
      "landingUrl",
      "attemptId",
      "content",
      "fileName",
      "cursor",
      "limit",
      "asin",
      "keepLibrary",
      "confirmEmail",
    ),
    fc.jsonValue(),
  ),
);

describe("every procedure, fuzzed", () => {
  it.each(Object.keys(appRouter._def.procedures))(
    "%s answers any input with success or a typed error",
    async (path) => {
      const { caller } = await signedInCaller(suite.handle.db);
      const anonymous = anonymousCaller(suite.handle.db);
      await fc.assert(
        fc.asyncProperty(hostileInput, fc.boolean(), async (input, signedIn) => {
          const call = procedureAt((signedIn ? caller : anonymous) as unknown as AnyCaller, path);
          try {
            await call(input);
          } catch (error) {
            expect(error).toBeInstanceOf(TRPCError);
            expect((error as TRPCError).code).not.toBe("INTERNAL_SERVER_ERROR");
          }
        }),
        { numRuns: 25 },
      );
    },
  );
});
