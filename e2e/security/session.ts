import postgres from "postgres";
import { hashPassword } from "@/server/auth/password";
import { BASE, securityDatabaseUrl } from "./server";

const cookiesOf = (res: Response) => res.headers.getSetCookie();
const pair = (cookie: string) => cookie.split(";")[0]!;

/** A user seeded straight into the suite's database, signed in through Auth.js's own credentials endpoint. */
export async function signedInSession(
  email: string,
  options: { password?: string; base?: string; database?: string } = {},
) {
  const { password = "a long listening list", base = BASE } = options;
  const sql = postgres(securityDatabaseUrl(options.database), { max: 1, onnotice: () => {} });
  try {
    await sql`insert into users (id, email, password_hash) values (${crypto.randomUUID()}, ${email}, ${await hashPassword(password)})`;
  } finally {
    await sql.end();
  }
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const csrfCookies = cookiesOf(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: csrfCookies.map(pair).join("; "),
    },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/library" }),
  });
  const sessionCookies = cookiesOf(signIn);
  const session = sessionCookies.find((cookie) => cookie.includes("session-token"));
  if (!session) throw new Error(`sign-in failed with HTTP ${signIn.status}`);
  const userId = (await fetch(`${base}/api/auth/session`, { headers: { cookie: pair(session) } }).then(
    (res) => res.json(),
  )) as {
    user?: { id?: string };
  };
  return { csrfCookies, sessionCookies, cookie: pair(session), userId: userId.user?.id ?? "" };
}
