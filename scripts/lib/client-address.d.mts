// Types of client-address.mjs, for the app (lib/auth) and the tests.
import type { IncomingMessage } from "node:http";

export declare const CLIENT_ADDRESS_HEADER: "x-ctk-client-address";
export declare const CLIENT_PROTO_HEADER: "x-ctk-client-proto";
export declare const TRUSTED_HEADERS_MARK: unique symbol;
export type Client = { address: string; proto: "http" | "https" };
export declare function normaliseAddress(address: unknown): string;
export declare function clientOf(input: {
  socketAddress: string | undefined;
  encrypted: boolean;
  headers: Record<string, string | string[] | undefined>;
  trustProxy: boolean;
}): Client;
export declare function applyClientHeaders(req: IncomingMessage, trustProxy: boolean): Client;
