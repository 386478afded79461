import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTs from 'eslint-config-next/typescript'
import prettier from 'eslint-config-prettier/flat'

// One set of rules for the whole repository (CONTRIBUTING.md says why each boundary exists).
// `npm run lint` runs ESLint and Prettier's check; CI runs it before the tests.

const REACT_AND_NEXT = [
  { name: 'react', message: 'The gateway is the data plane: no React.' },
  { name: 'react-dom', message: 'The gateway is the data plane: no React.' },
  { name: 'next', message: 'The gateway is the data plane: no Next.' },
]

const CONTROL_PLANE = [
  'apis',
  'lifecycle',
  'plans',
  'catalog',
  'try-it',
  'keys',
  'subscriptions',
  'teams',
  'billing',
  'incidents',
  'notifications',
  'webhooks',
  'calls',
  'analytics',
  'auth',
].map((d) => `./lib/${d}`)

const config = [
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      'generated/**',
      'data/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
    ],
  },
  ...nextVitals,
  ...nextTs,
  prettier,
  {
    settings: { 'import/resolver': { typescript: { project: './tsconfig.json' } } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Layers: components never reach into app/, lib/ never into components/ or app/.
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './components',
              from: './app',
              message: 'Pages pass server actions to components as props (CONTRIBUTING.md).',
            },
            {
              target: './lib',
              from: ['./components', './app'],
              message: 'lib/ is server-side domain code: it never imports UI or routes.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['lib/gateway/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: REACT_AND_NEXT,
          patterns: [
            {
              group: ['next/*', 'react/*', 'react-dom/*'],
              message: 'The gateway is the data plane: no React or Next.',
            },
          ],
        },
      ],
    },
  },
  {
    // The planes (CONTRIBUTING.md): the control plane publishes config events and never imports the
    // gateway; the gateway imports neither the control plane nor what plugs into it. Tests aside.
    files: ['app/**', 'components/**', 'lib/**', 'prisma/**'],
    ignores: ['**/*.test.ts', '**/test-*.ts', '**/testing/**'],
    rules: {
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './components',
              from: './app',
              message: 'Pages pass server actions to components as props (CONTRIBUTING.md).',
            },
            {
              target: './lib',
              from: ['./components', './app'],
              message: 'lib/ is server-side domain code: it never imports UI or routes.',
            },
            {
              target: ['./app', './components', ...CONTROL_PLANE],
              from: './lib/gateway',
              message: 'Control-plane code publishes config events (lib/config-events); it never imports the gateway.',
            },
            {
              target: './lib/gateway',
              from: [...CONTROL_PLANE, './lib/charging', './lib/metering', './server'],
              message: 'The gateway defines the seams its plug-ins implement; server/create-gateway.ts wires them.',
            },
          ],
        },
      ],
    },
  },
]

export default config
