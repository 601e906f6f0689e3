// Layer rules: server -> session -> sql -> storage, and server -> protocol, a leaf that imports none of them. Inside
// sql the executor builds on the planner, never the reverse.
// `server` wires the layers together and `cli` starts things; nothing below may import either.
/** @type {import('dependency-cruiser').IConfiguration} */
const layer = (name, forbidden) => ({
  name: `${name}-not-above`,
  severity: 'error',
  comment: `${name} is a lower layer: it may not import ${forbidden.join(', ')}`,
  from: { path: `^src/${name}/` },
  to: { path: `^src/(${forbidden.join('|')})/` },
});
module.exports = {
  forbidden: [
    layer('storage', ['sql', 'session', 'protocol', 'server', 'cli']),
    layer('sql', ['session', 'protocol', 'server', 'cli']),
    layer('session', ['protocol', 'server', 'cli']),
    layer('protocol', ['session', 'sql', 'storage', 'server', 'cli']),
    layer('errors', ['storage', 'sql', 'session', 'protocol', 'server', 'cli', 'config']),
    layer('config', ['storage', 'sql', 'session', 'protocol', 'server', 'cli']),
    // observability: metrics, statement summary, slow log; fed by the server, read by the session (information_schema)
    layer('observability', ['sql', 'session', 'protocol', 'server', 'cli']),
    layer('logging', ['storage', 'sql', 'session', 'protocol', 'server', 'cli', 'observability']),
    layer('server', ['cli']),
    {
      name: 'server-through-driver',
      severity: 'error',
      comment: 'the server reaches SQL only through session/client-session.ts (ClientSession, SessionDriver), never Session itself',
      from: { path: '^src/server/' },
      to: { path: '^src/session/session\\.ts$' },
    },
    {
      name: 'planner-not-executor',
      severity: 'error',
      comment:
        'the planner decides and the executor runs: the executor may import the planner, the planner never reaches ' +
        'the executor (not even through another module); it runs nested plans through PlanContext.materialize',
      from: { path: '^src/sql/planner/' },
      to: { path: '^src/sql/executor/', reachable: true },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'runtime import cycles; a cycle made only of `import type` edges is harmless and allowed',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
