// Shared vitest settings: resolve workspace packages to their TypeScript source (the
// `@graph-authz/source` export condition), so tests never depend on a stale `dist/`.
import { defineConfig } from 'vitest/config';

export const sourceConditions = ['@graph-authz/source', 'module', 'node', 'import', 'default'];

export default defineConfig({
  resolve: { conditions: sourceConditions },
  ssr: { resolve: { conditions: sourceConditions } },
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    pool: 'threads',
    testTimeout: 20_000,
  },
});
