import { isSimResponse, json, type SimResponse } from "./http-util";
import { fieldsFor, parseGroups, type ResponseGroup } from "./response-groups";

export type LibraryQuery = {
  numResults: number;
  page: number;
  groups: ResponseGroup[];
  fields: Set<string>;
  echoedGroups: string[];
  imageSizes: string[];
  sortBy: string;
  purchasedAfter: number | null;
  status: "Active" | "Revoked";
  stateToken: number | null;
  parentAsin: string | null;
};

const SORT_KEYS = ["Author", "Length", "Narrator", "PurchaseDate", "Title"];

/** Amazon's (Coral) validation wording, which clients match on. */
export function validationError(value: string, member: string, constraint: string): SimResponse {
  return json(400, {
    message: `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: ${constraint}`,
  });
}

function integer(
  raw: string | null,
  member: string,
  min: number,
  max: number,
  fallback: number,
): number | SimResponse {
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw))
    return validationError(raw, member, "Member must satisfy regular expression pattern: ^\\d+$");
  const value = Number(raw);
  if (value < min)
    return validationError(raw, member, `Member must have value greater than or equal to ${min}`);
  if (value > max) return validationError(raw, member, `Member must have value less than or equal to ${max}`);
  return value;
}

export function parseGroupsOrError(
  query: URLSearchParams,
): { groups: ResponseGroup[]; fields: Set<string>; echoed: string[] } | SimResponse {
  const raw = query.get("response_groups");
  const { groups, unknown } = parseGroups(raw);
  if (unknown.length) return json(400, { message: `Invalid response group(s): ${unknown.join(",")}` });
  return { groups, fields: fieldsFor(groups, raw !== null), echoed: ["always-returned", ...new Set(groups)] };
}

export function imageSizes(query: URLSearchParams): string[] {
  const sizes = (query.get("image_sizes") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => /^\d+$/.test(s));
  return sizes.length ? [...new Set(sizes)] : ["500"];
}

export function parseLibraryQuery(query: URLSearchParams): LibraryQuery | SimResponse {
  const numResults = integer(query.get("num_results"), "numResults", 1, 1000, 50);
  if (typeof numResults !== "number") return numResults;
  const page = integer(query.get("page"), "page", 1, 1_000_000, 1);
  if (typeof page !== "number") return page;
  const groups = parseGroupsOrError(query);
  if (isSimResponse(groups)) return groups;
  const sortBy = query.get("sort_by") ?? "-PurchaseDate";
  if (!SORT_KEYS.includes(sortBy.replace(/^-/, "")))
    return validationError(sortBy, "sortBy", `Member must satisfy enum value set: [${SORT_KEYS.join(", ")}]`);
  const after = query.get("purchased_after");
  const purchasedAfter = after === null ? null : Date.parse(after);
  if (purchasedAfter !== null && Number.isNaN(purchasedAfter))
    return validationError(after ?? "", "purchasedAfter", "Member must be a valid ISO-8601 timestamp");
  const status = query.get("status") ?? "Active";
  if (status !== "Active" && status !== "Revoked")
    return validationError(status, "status", "Member must satisfy enum value set: [Active, Revoked]");
  const token = query.get("state_token");
  if (token !== null && !/^\d+$/.test(token))
    return validationError(token, "stateToken", "Member must satisfy regular expression pattern: ^\\d+$");
  return {
    numResults,
    page,
    groups: groups.groups,
    fields: groups.fields,
    echoedGroups: groups.echoed,
    imageSizes: imageSizes(query),
    sortBy,
    purchasedAfter,
    status,
    stateToken: token === null ? null : Number(token),
    parentAsin: query.get("parent_asin"),
  };
}
