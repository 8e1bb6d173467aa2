import type { NextConfig } from "next";
import { ACTION_BODY_LIMIT_BYTES } from "./lib/http/body-limit";

const nextConfig: NextConfig = {
  // PGlite ships a wasm build of PostgreSQL: bundling it would copy ~15 MB of
  // wasm into .next/static (served publicly). argon2 is a native addon.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres"],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: { serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES } },
};

export default nextConfig;
