import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

// The page lives in src/ (index.html included) so that everything the build reads is one tree.
const root = fileURLToPath(new URL('./src', import.meta.url));
const outDir = fileURLToPath(new URL('./dist', import.meta.url));

/**
 * "Nothing leaves the page", enforced by the browser: the built page may load only its own files
 * and may open no connection at all. Build only, because the dev server needs its HMR websocket.
 */
const contentSecurityPolicy =
  "default-src 'self'; connect-src 'none'; img-src 'self' data:; form-action 'none'; base-uri 'none'; object-src 'none'";

function contentSecurityPolicyPlugin(): Plugin {
  return {
    name: 'playground-csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig({
  root,
  // Relative asset URLs: the built site works from any path (a file share, a sub-folder, Pages).
  base: './',
  plugins: [contentSecurityPolicyPlugin()],
  // Resolve @graph-authz/core to its TypeScript source, so dev and build never need a built core.
  resolve: { conditions: ['@graph-authz/source', 'browser', 'module', 'import', 'default'] },
  // Most of the script is the core's permission catalog (every Graph operation); it is needed
  // whole for any request, so one chunk of ~520 kB (~130 kB gzip) is expected, not a regression.
  build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 800 },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
