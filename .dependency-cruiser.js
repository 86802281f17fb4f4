/**
 * Architecture rules; `npm run lint` (and so CI) fails when one is broken. The contexts are read
 * from apps/contexts.json, the list the hosts compose from: no context is named here by hand.
 */
const contexts = require('./apps/contexts.json');

const CONTEXT = `(${contexts.join('|')})`;
/** A context is seen from outside only through its manifest (and its own app entry point). */
const MANIFEST = '^apps/[^/]+/src/[^/]+\\.context\\.ts$';
const DRIVERS =
  'node_modules/(@nestjs|typeorm|kafkajs|@eventstore|@kurrent|express|pg|pg-[^/]+|better-sqlite3|ajv)/';

module.exports = {
  forbidden: [
    {
      name: 'no-cross-context',
      comment: 'A bounded context never imports another context; they share only libs/contracts.',
      severity: 'error',
      from: { path: `^apps/${CONTEXT}/` },
      to: { path: '^apps/', pathNot: ['^apps/$1/'] },
    },
    {
      name: 'outside-sees-only-manifests',
      comment:
        'Hosts, the list of contexts and the bench compose contexts through their manifest (<name>.context.ts), nothing inside them.',
      severity: 'error',
      from: { path: `^(apps/(?!${CONTEXT}/)|bench/)` },
      to: { path: `^apps/${CONTEXT}/`, pathNot: [MANIFEST] },
    },
    {
      name: 'domain-reaches-nothing-impure',
      comment:
        'Deciders are framework-free: a domain file reaches (directly or through any chain of imports) no framework, driver or adapter.',
      severity: 'error',
      from: { path: '/domain/' },
      to: {
        reachable: true,
        path: [DRIVERS, '^libs/(?!decider/|contracts/)', '/(application|infrastructure|api)/'],
      },
    },
    {
      name: 'decider-lib-has-no-dependencies',
      comment: 'libs/decider is what domains may use: it depends on nothing at all.',
      severity: 'error',
      from: { path: '^libs/decider/' },
      to: { pathNot: '^libs/decider/' },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'contracts-are-plain',
      comment: 'Published contracts carry primitives only and depend on nothing.',
      severity: 'error',
      from: { path: '^libs/contracts/' },
      to: { pathNot: '^libs/contracts/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|^dist-bench/|\\.spec\\.ts$)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
