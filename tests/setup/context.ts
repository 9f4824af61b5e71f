// What the integration globalSetup hands to the test files (vitest provide/inject).

export type TestDbContext =
  | {
      /** a PostgreSQL server: databases are copies of a migrated template database */
      mode: "server";
      /** the run's migrated database, also in process.env.DATABASE_URL */
      url: string;
      /** the `postgres` database of the same server, for CREATE/DROP DATABASE */
      adminUrl: string;
      /** the migrated, never connected template every database of the run is copied from */
      template: string;
      /** name prefix of every database of this run (ctk_test_<random>), dropped on teardown */
      prefix: string;
    }
  | {
      /** no server reachable: in-memory PGlite instances served by pglite-socket */
      mode: "pglite";
      url: string;
      /** file holding PGlite's data directory (tar) just after the migrations */
      templateDump: string;
    };

declare module "vitest" {
  export interface ProvidedContext {
    testDb: TestDbContext;
  }
}
