// The name of the information_schema database, and the test for it (case-insensitive, as MySQL treats it).

export const INFORMATION_SCHEMA_DATABASE = 'information_schema';

export function isInformationSchema(name: string): boolean {
  return name.toLowerCase() === INFORMATION_SCHEMA_DATABASE;
}
