import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// The dashboard: plain TypeScript, bundled locally (no CDN, no request leaves the machine).
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { "/api": "http://127.0.0.1:8080" } },
});
