import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/**/*.test.ts'],
        // Langium 4.4 needs Object.groupBy, which Node 20 lacks.
        setupFiles: ['./src/polyfill.ts'],
        globals: true,
        testTimeout: 30_000,
        pool: 'forks'
    }
});
