// Types of bench-jobs.mjs, for the tests.
export declare function processRssMiB(pid: number): number;
export declare function actionId(root: string, filename: string, exportedName: string): string;
export declare function unzip(bytes: Buffer): Map<string, Buffer>;
export declare function zip(parts: Map<string, Buffer>): Buffer;
export declare function workbookAtLimits(
  exported: Buffer,
  options?: { extra?: number; rows?: number; columns?: number; maxBytes?: number },
): { bytes: Buffer; rows: number; inflatedMiB: number; partMiB: number; sheets: number; cells: number };
export declare function runJobs(ctx: Record<string, unknown>): Promise<Record<string, Record<string, unknown>>>;
