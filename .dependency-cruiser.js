/** Architecture rules; `npm run lint` (and so CI) fails when one is broken. */
module.exports = {
  forbidden: [
    {
      name: 'no-cross-context',
      comment: 'A bounded context never imports another context; they share only libs/contracts.',
      severity: 'error',
      from: {
        path: '^apps/(residents-committee|party-organization|owners-committee|property-company|building-leaders)/',
      },
      to: { path: '^apps/', pathNot: ['^apps/$1/'] },
    },
    {
      name: 'host-uses-context-modules-only',
      comment: 'A host application composes contexts through their Nest module, nothing inside them.',
      severity: 'error',
      from: { path: '^apps/(platform|projections)/' },
      to: {
        path: '^apps/(residents-committee|party-organization)/',
        pathNot: ['^apps/[^/]+/src/[^/]+\\.module\\.ts$', '^apps/[^/]+/src/testing/'],
      },
    },
    {
      name: 'domain-is-pure',
      comment: 'Deciders are framework-free: no Nest, TypeORM, Kafka, EventStoreDB, HTTP or adapters.',
      severity: 'error',
      from: { path: '/domain/' },
      to: {
        path: [
          'node_modules/(@nestjs|typeorm|kafkajs|@eventstore|@kurrent|express|pg|better-sqlite3)',
          '^libs/(persistence|messaging|projections|http|event-store)/',
          '/(application|infrastructure|api)/',
        ],
      },
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
    exclude: { path: '(^dist/|\\.spec\\.ts$)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
