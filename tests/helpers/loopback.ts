import { createServer } from "node:net";

/**
 * Whether this machine can use 127.0.0.2 and 127.0.0.3 as client addresses (Linux routes all of 127/8 to the
 * loopback; macOS only 127.0.0.1 unless aliases are added). Tests that need several client addresses skip without.
 */
export async function loopbackAliases(): Promise<boolean> {
  for (const host of ["127.0.0.2", "127.0.0.3"]) {
    const ok = await new Promise<boolean>((resolve) => {
      const srv = createServer();
      srv.once("error", () => resolve(false));
      srv.listen(0, host, () => srv.close(() => resolve(true)));
    });
    if (!ok) return false;
  }
  return true;
}
