import { expect, test } from "@playwright/test";
import { httpClient, signInHttp, type HttpSession } from "../helpers/http";

async function postSignOut(client: HttpSession, baseURL: string): Promise<Response> {
  const { csrfToken } = (await (await client.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  return client.fetch("/api/auth/signout", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl: `${baseURL}/login` }).toString(),
  });
}

test("a copied session token that was already revoked cannot sign its owner out of their new sessions", async ({ baseURL }) => {
  // Someone keeps a copy of Eli's session token; Eli signs out (every session of Eli ends) and signs in again.
  const eli = await signInHttp(baseURL!, "eli@acme.example");
  const copy = httpClient(baseURL!, new Map(eli.jar));
  expect((await postSignOut(eli, baseURL!)).status).toBe(302);
  await new Promise((r) => setTimeout(r, 20));
  const again = await signInHttp(baseURL!, "eli@acme.example");
  expect((await again.fetch("/account")).status).toBe(200);

  // The revoked copy still decrypts: posting a sign-out with it must not end Eli's new session.
  expect((await copy.fetch("/account")).status).toBe(307);
  await postSignOut(copy, baseURL!);
  expect((await again.fetch("/account")).status).toBe(200);
});
