/** The database is fine but not usable by this version: leave it alone, report it. */
export class SchemaMismatchError extends Error {
  readonly code = 'SCHEMA_MISMATCH';
}
