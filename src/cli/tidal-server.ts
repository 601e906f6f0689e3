#!/usr/bin/env node
// tidal-server: the entry point. Source maps go on before anything else loads, so that stacks, and the [file:line]
// of the text log layout, name the TypeScript sources, as TiDB's name its Go files.
process.setSourceMapsEnabled(true);
const { exitCode } = await import('./server-main.js');
process.exitCode = await exitCode;
