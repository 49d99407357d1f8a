// Screenshot tests of the preview webview in headless Debian chromium: `npm run test:screenshots`.
// Kept apart from `npm test`: they need the bundle (out/webview.js) and a browser.
import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/**/*.screenshot.ts'],
        setupFiles: ['./src/polyfill.ts'],
        globals: true,
        testTimeout: 60_000,
        hookTimeout: 60_000,
        fileParallelism: false,
        pool: 'forks'
    }
});
