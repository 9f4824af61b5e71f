// Types of server-heap.mjs, for the tests.
export declare const DEFAULT_SERVER_HEAP_MIB: 384;
export declare function serverHeapArgs(env: Record<string, string | undefined>): string[];
