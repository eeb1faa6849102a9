import { createHash } from "node:crypto";
import type { Requester, UpstashRequest, UpstashResponse } from "@upstash/redis";

export type SendCommand = (args: string[]) => Promise<unknown>;
/** Runs commands as one MULTI/EXEC; a failed command comes back as an Error in its slot. */
export type SendTransaction = (commands: string[][]) => Promise<unknown[]>;

// @upstash/ratelimit ≥ 2.1 starts every script with `#!lua flags=allow-key-locking`, a flag only
// Upstash understands; plain Redis answers "Unexpected flag in script shebang" (stack-trial P6).
const SHEBANG = /^#!lua[^\n]*\n/;

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

function toArg(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return String(value);
  return JSON.stringify(value) ?? "";
}

const failure = (error: unknown): UpstashResponse<never> => ({
  error: error instanceof Error ? error.message : String(error),
});

/**
 * Lets @upstash/redis (and so @upstash/ratelimit) talk to a plain TCP Redis. Scripts lose their shebang
 * before EVAL; because the library then asks for them by the SHA of the *original* text, EVALSHA is
 * remapped to the SHA Redis actually cached.
 */
export function createRedisRequester(send: SendCommand, transaction?: SendTransaction): Requester {
  const shaMap = new Map<string, string>();

  const rewrite = (command: unknown[]): string[] => {
    const args = command.map(toArg);
    const name = args[0]?.toLowerCase();
    const script = args[1];
    if (script === undefined) return args;
    if ((name === "eval" || name === "eval_ro") && SHEBANG.test(script)) {
      const stripped = script.replace(SHEBANG, "");
      shaMap.set(sha1(script), sha1(stripped));
      args[1] = stripped;
      return args;
    }
    if (name === "evalsha" || name === "evalsha_ro") args[1] = shaMap.get(script) ?? script;
    return args;
  };

  const single = async (command: unknown[]): Promise<UpstashResponse<unknown>> => {
    try {
      return { result: await send(rewrite(command)) };
    } catch (error) {
      return failure(error);
    }
  };

  // Pipelines and transactions answer with one bare array of per-command responses, not a wrapper.
  const request = async (req: UpstashRequest): Promise<unknown> => {
    const route = req.path?.[0];
    if (route === "pipeline") return Promise.all((req.body as unknown[][]).map(single));
    if (route === "multi-exec") {
      if (!transaction) throw new Error("transactions are not supported by this Redis adapter");
      const replies = await transaction((req.body as unknown[][]).map(rewrite));
      return replies.map((reply) => (reply instanceof Error ? failure(reply) : { result: reply }));
    }
    if (route !== undefined) return failure(new Error(`unsupported Upstash route "${route}"`));
    return single(req.body as unknown[]);
  };

  // The library's generic signature cannot be met by a non-generic function; replies are untyped wire data.
  return { request: request as unknown as Requester["request"] };
}
