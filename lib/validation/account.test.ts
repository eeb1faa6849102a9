import { describe, expect, it } from "vitest";
import { signInSchema, signUpSchema } from "./account";

const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues[0]?.message;

describe("signUpSchema", () => {
  it("accepts a normal email and long password, normalising the email", () => {
    const result = signUpSchema.parse({ email: "  Ada@Example.COM ", password: "correct horse battery" });
    expect(result.email).toBe("ada@example.com");
  });

  it.each([
    ["not-an-email", "Enter a valid email address, like name@example.com."],
    ["ada@", "Enter a valid email address, like name@example.com."],
    ["", "Enter your email address."],
  ])("rejects the malformed email %j", (email, message) => {
    expect(firstMessage(signUpSchema.safeParse({ email, password: "correct horse battery" }))).toBe(message);
  });

  it("rejects a short password", () => {
    expect(firstMessage(signUpSchema.safeParse({ email: "a@b.co", password: "short" }))).toBe(
      "Use at least 10 characters for your password.",
    );
  });

  it("rejects a common password whatever its case", () => {
    expect(firstMessage(signUpSchema.safeParse({ email: "a@b.co", password: "Password123" }))).toBe(
      "That password is too common. Pick one that is harder to guess.",
    );
  });

  it("rejects the email address used as the password", () => {
    expect(
      firstMessage(
        signUpSchema.safeParse({ email: "ada.lovelace@example.com", password: "ada.lovelace@example.com" }),
      ),
    ).toBe("Your password must not be your email address.");
  });
});

describe("signInSchema", () => {
  it("asks for a password when it is empty", () => {
    expect(firstMessage(signInSchema.safeParse({ email: "a@b.co", password: "" }))).toBe(
      "Enter your password.",
    );
  });
});
