import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import {
  CLIENT_ADDRESS_HEADER,
  CLIENT_PROTO_HEADER,
  applyClientHeaders,
  clientOf,
} from "../../scripts/lib/client-address.mjs";

// What scripts/server.mjs tells the app about the client, from the connection and the headers.
const req = (socketAddress: string, headers: Record<string, string | string[]>, rawHeaders: string[] = []) =>
  ({
    socket: { remoteAddress: socketAddress, encrypted: false },
    headers: { ...headers },
    rawHeaders: [...rawHeaders],
  }) as unknown as IncomingMessage;

describe("client address (scripts/lib/client-address.mjs)", () => {
  it("TRUST_PROXY=0: the TCP connection, whatever the headers say", () => {
    const forged = {
      "x-forwarded-for": "198.51.100.7",
      "x-real-ip": "198.51.100.8",
      forwarded: "for=198.51.100.9",
      "x-forwarded-proto": "https",
    };
    expect(
      clientOf({ socketAddress: "::ffff:203.0.113.5", encrypted: false, headers: forged, trustProxy: false }),
    ).toEqual({ address: "203.0.113.5", proto: "http" });
  });

  it("TRUST_PROXY=1: the entry the proxy appended (the last), not the ones the client sent", () => {
    const headers = { "x-forwarded-for": "198.51.100.7, 10.0.0.1, 203.0.113.5", "x-forwarded-proto": "http, https" };
    expect(clientOf({ socketAddress: "10.0.0.2", encrypted: false, headers, trustProxy: true })).toEqual({
      address: "203.0.113.5",
      proto: "https",
    });
    // a repeated header counts as one list
    expect(
      clientOf({
        socketAddress: "10.0.0.2",
        encrypted: false,
        headers: { "x-forwarded-for": ["198.51.100.7", "203.0.113.6"] },
        trustProxy: true,
      }).address,
    ).toBe("203.0.113.6");
    // no header: the proxy's own connection
    expect(clientOf({ socketAddress: "10.0.0.2", encrypted: false, headers: {}, trustProxy: true })).toEqual({
      address: "10.0.0.2",
      proto: "http",
    });
  });

  it("replaces a private header the client sent, and drops forwarding headers without a trusted proxy", () => {
    const r = req(
      "127.0.0.9",
      {
        [CLIENT_ADDRESS_HEADER]: "198.51.100.7",
        [CLIENT_PROTO_HEADER]: "https",
        "x-forwarded-for": "198.51.100.7",
        host: "ctk.test",
      },
      ["Host", "ctk.test", "X-CTK-Client-Address", "198.51.100.7", "X-Forwarded-For", "198.51.100.7"],
    );
    applyClientHeaders(r, false);
    expect(r.headers[CLIENT_ADDRESS_HEADER]).toBe("127.0.0.9");
    expect(r.headers[CLIENT_PROTO_HEADER]).toBe("http");
    expect(r.headers["x-forwarded-for"]).toBeUndefined();
    expect(r.rawHeaders).toEqual(["Host", "ctk.test", CLIENT_ADDRESS_HEADER, "127.0.0.9", CLIENT_PROTO_HEADER, "http"]);

    const behindProxy = req("10.0.0.2", {
      [CLIENT_ADDRESS_HEADER]: "198.51.100.7",
      "x-forwarded-for": "198.51.100.7, 203.0.113.5",
      "x-forwarded-proto": "https",
    });
    applyClientHeaders(behindProxy, true);
    expect(behindProxy.headers[CLIENT_ADDRESS_HEADER]).toBe("203.0.113.5");
    expect(behindProxy.headers[CLIENT_PROTO_HEADER]).toBe("https");
  });
});
