// Layer rules: protocol -> session -> sql -> storage; lower layers never import higher ones.
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
    layer('protocol', ['server', 'cli']),
    layer('errors', ['storage', 'sql', 'session', 'protocol', 'server', 'cli', 'config']),
    layer('config', ['storage', 'sql', 'session', 'protocol', 'server', 'cli']),
    // observability: metrics, statement summary, slow log; fed by the server, read by the session (information_schema)
    layer('observability', ['sql', 'session', 'protocol', 'server', 'cli']),
    layer('logging', ['storage', 'sql', 'session', 'protocol', 'server', 'cli', 'observability']),
    layer('server', ['cli']),
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
