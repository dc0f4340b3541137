import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

export default mergeConfig(
  shared,
  defineConfig({
    // The browser test builds the page and drives Chromium: allow it time, and keep it off the
    // unit-test threads so a slow build never starves them.
    test: { testTimeout: 120_000, hookTimeout: 180_000 },
  }),
);
