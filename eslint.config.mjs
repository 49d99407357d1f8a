// ESLint for the whole project: typescript-eslint's recommended rules (syntax-only, so the lint stays
// fast; `npm run typecheck` is where types are checked), with Node or browser globals by folder.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
    {
        // Generated or built: written by langium-cli, esbuild and the test runs, never by hand.
        ignores: ['src/language/generated/**', 'out/**', 'dist/**', '**/*.vsix', '.cache/**', 'test-results/**', 'node_modules/**']
    },
    js.configs.recommended,
    tseslint.configs.recommended,
    {
        languageOptions: {
            ecmaVersion: 2022,
            sourceType: 'module',
            globals: { ...globals.node }
        },
        linterOptions: { reportUnusedDisableDirectives: 'error' },
        rules: {
            // As TypeScript's noUnusedParameters: a parameter a Langium or LSP signature requires is
            // named `_x`; `{ range: _range, ...rest }` is how a key is left out of a copy.
            '@typescript-eslint/no-unused-vars': [
                'error',
                { args: 'after-used', argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'all', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true }
            ]
        }
    },
    {
        // The webview and the site's browser script run in a page, not in Node.
        files: ['src/webview/**', 'src/site/browser/**'],
        languageOptions: { globals: { ...globals.browser } }
    },
    {
        files: ['**/*.cjs'],
        languageOptions: { sourceType: 'commonjs' },
        // CommonJS files load modules with require(); that is what they are for.
        rules: { '@typescript-eslint/no-require-imports': 'off' }
    }
);
