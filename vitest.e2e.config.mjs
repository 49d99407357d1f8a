// End-to-end tests in a real VS Code (code-server + Debian chromium): `npm run test:e2e`.
// Kept apart from `npm test`: they need the packaged .vsix and take about a minute.
import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/e2e/**/*.e2e.ts'],
        globals: true,
        testTimeout: 90_000,
        // Installing code-server the first time on a machine takes a few minutes.
        hookTimeout: 600_000,
        fileParallelism: false,
        pool: 'forks'
    }
});
