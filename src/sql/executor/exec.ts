// Exec: a running operator: the batches of rows one execution of a plan node produces.
import type { Row } from '../types/index.js';

/**
 * One pass over an operator's output, in batches laid out as its plan node's scope. Built per execution by
 * `buildExec` (a cached plan is built again each time it runs); nothing runs until the first batch is asked for.
 */
export type Exec = AsyncGenerator<Row[]>;
