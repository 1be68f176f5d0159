// Lint also guards the architecture: which folder may import what, and where SQL may live.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const noNode = { paths: nodeBuiltins.map((name) => ({ name, message: 'This folder runs in the browser too: no Node modules.' })) };
const noElectron = { name: 'electron', message: 'Only electron/ main and preload may use Electron.' };

// SQL keywords in a string outside db/ mean a query escaped its layer.
const SQL = '/\\b(SELECT\\s[\\s\\S]*\\sFROM|INSERT\\s+INTO|UPDATE\\s+\\w+\\s+SET|DELETE\\s+FROM|CREATE\\s+(TABLE|INDEX|VIRTUAL))\\b/i';
const noSql = [
  'error',
  { selector: `Literal[value=${SQL}]`, message: 'SQL belongs in db/ only.' },
  { selector: `TemplateElement[value.raw=${SQL}]`, message: 'SQL belongs in db/ only.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-artifacts/**', '.native/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { ...noNode, paths: [...noNode.paths, noElectron], patterns: ['**/db/**', '**/electron/**', '**/renderer/**'] }],
      'no-restricted-syntax': noSql,
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { ...noNode, paths: [...noNode.paths, noElectron], patterns: ['**/db/**', '**/electron/**'] }],
      'no-restricted-syntax': noSql,
    },
  },
  {
    files: ['electron/web/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Browser mode runs without Electron.' }], patterns: ['**/renderer/**'] }],
      'no-restricted-syntax': noSql,
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/web/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/renderer/**'] }],
      'no-restricted-syntax': noSql,
    },
  },
  {
    files: ['db/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: ['**/renderer/**', '**/electron/**'] }],
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
