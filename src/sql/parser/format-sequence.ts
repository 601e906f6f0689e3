// Prints sequence statements (CREATE/ALTER/DROP SEQUENCE) with their options in one canonical order.
import type { SequenceOptions, Statement } from '../ast/index.js';
import { formatQualified, formatString } from './format-ident.js';

type SequenceStmt = Extract<Statement, { kind: 'CreateSequenceStmt' | 'AlterSequenceStmt' | 'DropSequenceStmt' }>;

function formatOptions(options: SequenceOptions): string {
  const parts: string[] = [];
  if (options.increment !== undefined) parts.push(`INCREMENT BY ${options.increment}`);
  if (options.minValue !== undefined) parts.push(options.minValue === null ? 'NO MINVALUE' : `MINVALUE ${options.minValue}`);
  if (options.maxValue !== undefined) parts.push(options.maxValue === null ? 'NO MAXVALUE' : `MAXVALUE ${options.maxValue}`);
  if (options.start !== undefined) parts.push(`START WITH ${options.start}`);
  if (options.cache !== undefined) parts.push(options.cache === null ? 'NOCACHE' : `CACHE ${options.cache}`);
  if (options.isCycle !== undefined) parts.push(options.isCycle ? 'CYCLE' : 'NOCYCLE');
  if (options.comment !== undefined) parts.push(`COMMENT ${formatString(options.comment)}`);
  if (options.restart !== undefined) parts.push(options.restart === 'start' ? 'RESTART' : `RESTART WITH ${options.restart}`);
  return parts.map((part) => ' ' + part).join('');
}

/** Prints one sequence statement. */
export function formatSequenceStmt(s: SequenceStmt): string {
  switch (s.kind) {
    case 'CreateSequenceStmt':
      return `CREATE SEQUENCE ${s.ifNotExists ? 'IF NOT EXISTS ' : ''}${formatQualified(s.name.db, s.name.name)}${formatOptions(s.options)}`;
    case 'AlterSequenceStmt':
      return `ALTER SEQUENCE ${formatQualified(s.name.db, s.name.name)}${formatOptions(s.options)}`;
    case 'DropSequenceStmt':
      return `DROP SEQUENCE ${s.ifExists ? 'IF EXISTS ' : ''}${s.names.map((name) => formatQualified(name.db, name.name)).join(', ')}`;
  }
}
