import { CredentialsSignin } from "@auth/core/errors";
import { afterEach, describe, expect, it, vi } from "vitest";
import { log } from "@/server/log";
import { logAuthError } from "./log-auth-error";

afterEach(() => vi.restoreAllMocks());

describe("logAuthError", () => {
  it("logs a refused sign-in as info even when the build renamed the class", () => {
    const info = vi.spyOn(log, "info").mockImplementation(() => {});
    const error = vi.spyOn(log, "error").mockImplementation(() => {});
    const refused = new CredentialsSignin();
    Object.defineProperty(refused, "name", { value: "j" });
    logAuthError(refused);
    expect(info).toHaveBeenCalledWith({ errorType: "CredentialsSignin" }, "sign-in refused");
    expect(error).not.toHaveBeenCalled();
  });

  it("logs anything else as an error with its type", () => {
    const error = vi.spyOn(log, "error").mockImplementation(() => {});
    const broken = Object.assign(new Error("adapter down"), { type: "AdapterError" });
    logAuthError(broken);
    expect(error).toHaveBeenCalledWith({ errorType: "AdapterError", err: broken }, "auth error");
  });
});
