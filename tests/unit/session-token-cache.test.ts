import { beforeAll, describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { resetEnvForTests } from "@/lib/env";
import { decodeSessionToken, readSessionClaims, refreshSessionToken } from "@/lib/auth/session-refresh";
import { SESSION_COOKIE } from "@/lib/auth/session-policy";

const SECRET = "a-test-secret-of-enough-length-0123456789";

beforeAll(() => {
  process.env.AUTH_SECRET = SECRET;
  resetEnvForTests();
});

async function token(claims: Record<string, unknown>, maxAge: number, secret = SECRET): Promise<string> {
  return encode({ token: claims, secret, salt: SESSION_COOKIE, maxAge });
}

describe("decrypted session tokens are remembered, never beyond what the token allows", () => {
  it("a remembered token still expires: the second read after exp is refused", async () => {
    const value = await token({ uid: "u1", authTime: Date.now() }, 60);
    const cookie = { name: SESSION_COOKIE, value };
    const first = await decodeSessionToken(cookie);
    expect(first).toMatchObject({ uid: "u1" });
    // Now served from memory; 61 s later it must be refused all the same.
    expect(await decodeSessionToken(cookie, Date.now() + 61_000)).toBeNull();
    expect(await readSessionClaims(cookie)).toMatchObject({ userId: "u1" });
    expect((await refreshSessionToken(cookie, Date.now() + 61_000)).state).toBe("invalid");
  });

  it("a tampered token or one sealed with another secret is refused, also after a valid one was remembered", async () => {
    const value = await token({ uid: "u2", authTime: Date.now() }, 600);
    expect(await decodeSessionToken({ name: SESSION_COOKIE, value })).toMatchObject({ uid: "u2" });
    const i = value.length - 5;
    const tampered = value.slice(0, i) + (value[i] === "A" ? "B" : "A") + value.slice(i + 1);
    expect(await decodeSessionToken({ name: SESSION_COOKIE, value: tampered })).toBeNull();
    const foreign = await token({ uid: "u2", authTime: Date.now() }, 600, "another-secret-of-enough-length-98765");
    expect(await decodeSessionToken({ name: SESSION_COOKIE, value: foreign })).toBeNull();
  });

  it("the cookie name is part of the key: a token is only valid under the name it was sealed for", async () => {
    const value = await token({ uid: "u3", authTime: Date.now() }, 600);
    expect(await decodeSessionToken({ name: SESSION_COOKIE, value })).not.toBeNull();
    expect(await decodeSessionToken({ name: `__Secure-${SESSION_COOKIE}`, value })).toBeNull();
  });
});

describe("the organization a session started in", () => {
  it("is read from the token, and kept when the token is re-issued", async () => {
    const now = Date.now();
    const value = await token({ uid: "u4", authTime: now - 60_000, sid: "session-4", org: "6f1c1d0e-8f5e-4c7a-9d43-2f7c1e0b9a11" }, 7200);
    const cookie = { name: SESSION_COOKIE, value };
    expect(await readSessionClaims(cookie)).toEqual({ userId: "u4", authTime: now - 60_000, sessionId: "session-4", orgId: "6f1c1d0e-8f5e-4c7a-9d43-2f7c1e0b9a11" });
    // An hour and a half later the token is re-issued: the organization stays with it.
    const later = await refreshSessionToken(cookie, now + 90 * 60_000);
    expect(later.state).toBe("refreshed");
    const reissued = { name: SESSION_COOKIE, value: (later as { value: string }).value };
    expect((await decodeSessionToken(reissued, now + 90 * 60_000))?.org).toBe("6f1c1d0e-8f5e-4c7a-9d43-2f7c1e0b9a11");
    // So does the session id: signing out of the re-issued token ends the session it continues.
    expect((await decodeSessionToken(reissued, now + 90 * 60_000))?.sid).toBe("session-4");
    // A token from before the claims existed has no organization, and is told apart by its sign-in instant.
    expect(await readSessionClaims({ name: SESSION_COOKIE, value: await token({ uid: "u5", authTime: now }, 600) })).toEqual({ userId: "u5", authTime: now, sessionId: `t${now}` });
  });
});
