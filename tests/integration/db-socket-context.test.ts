/**
 * Database sockets must not hold the request that opened them (db/socket.ts):
 * a socket's callbacks run in the async context it was opened in, and a
 * pooled connection lives for many requests. Holding one request's stores let
 * every later request stay reachable through React's render state (a memory
 * leak measured at ~50 KB per request under load).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import net from "node:net";
import { describe, expect, it } from "vitest";
import { captureRootScope, detachedSocket } from "@/db/socket";
import { onPostgres } from "../helpers/db";
import { testServerUrl } from "../helpers/pg-admin";

const request = new AsyncLocalStorage<{ path: string }>();

/** The store seen by the socket's own callback: PostgreSQL answers an SSLRequest with one byte ('S' or 'N'). */
function storeInSocketCallback(socket: net.Socket): Promise<{ path: string } | undefined> {
  return new Promise((resolve, reject) => {
    socket.once("error", reject);
    socket.once("data", () => {
      resolve(request.getStore());
      socket.destroy();
    });
    const sslRequest = Buffer.alloc(8);
    sslRequest.writeInt32BE(8, 0);
    sslRequest.writeInt32BE(80877103, 4);
    socket.write(sslRequest);
  });
}

function target() {
  const u = new URL(testServerUrl()!);
  return { host: [u.hostname], port: [Number(u.port || 5432)] };
}

describe.runIf(onPostgres)("database sockets opened during a request (PostgreSQL)", () => {
  it("a plain socket keeps the request's store: the leak this guards against", async () => {
    const { host, port } = target();
    const socket = await request.run({ path: "/team" }, () => new Promise<net.Socket>((resolve, reject) => {
      const s = net.connect(port[0]!, host[0]!, () => resolve(s));
      s.once("error", reject);
    }));
    expect(await storeInSocketCallback(socket)).toEqual({ path: "/team" });
  });

  it("a socket from detachedSocket, after start-up captured its scope, holds no request", async () => {
    captureRootScope(); // what instrumentation.ts does before the first request
    const socket = request.run({ path: "/team" }, () => detachedSocket(target()));
    expect(await storeInSocketCallback(socket)).toBeUndefined();
  });

  it("hands over a socket whose failure postgres.js sees (an error, then close), so the pool slot comes back", async () => {
    const socket = detachedSocket({ host: ["127.0.0.1"], port: [1] });
    const events: string[] = [];
    socket.on("error", (e: NodeJS.ErrnoException) => events.push(e.code ?? "error"));
    await new Promise((r) => socket.once("close", r));
    expect(events).toEqual(["ECONNREFUSED"]);
  });

  it("a database that is down makes queries fail, and they succeed again once it is back — no slot stays stuck", async () => {
    const { default: postgres } = await import("postgres");
    const { host, port } = target();
    let down = true;
    const sql = postgres({ host: host[0], port: port[0], user: "postgres", database: "postgres", max: 2, connect_timeout: 2, ...({ socket: (o: Parameters<typeof detachedSocket>[0]) => (down ? detachedSocket({ ...o, port: [1] }) : detachedSocket(o)) } as object) });
    try {
      for (let i = 0; i < 5; i++) await expect(sql`select 1 as one`).rejects.toThrow();
      down = false;
      expect(await sql`select 1 as one`).toEqual([{ one: 1 }]);
    } finally {
      await sql.end({ timeout: 1 });
    }
  });
});
