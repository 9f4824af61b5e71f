// The app's driver adapter (lib/db-adapter.ts): inside a transaction a read with nested relations,
// which Prisma fetches at once, reaches the transaction's pg client one statement at a time. pg 8
// warns ("Calling client.query() when the client is already executing a query …") and pg 9 refuses
// a query sent to a busy client; plain PrismaPg sends them together (prisma/orm#29468).
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { pgAdapter } from "@/lib/db-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { type TestDatabase, createMigratedDatabase } from "../setup/db";

let database: TestDatabase;

beforeAll(async () => {
  database = await createMigratedDatabase();
  const unit = (slug: string, parentId: number | null) =>
    database.prisma.orgUnit.create({
      data: {
        slug,
        name: slug,
        shortName: slug,
        level: parentId ? "WARD" : "DISTRICT",
        parentId,
        validFrom: new Date(),
      },
    });
  const district = await unit("quan-thu", null);
  await unit("phuong-thu", district.id);
});
afterAll(() => database?.drop());

/** How many statements a transaction's read sent to a pg client that was still executing another. */
async function overlapsOf(client: PrismaClient): Promise<number> {
  let overlaps = 0;
  const query = pg.Client.prototype.query;
  const spy = vi.spyOn(pg.Client.prototype, "query").mockImplementation(function (
    this: pg.Client & { _activeQuery: unknown; _queryQueue: unknown[] },
    ...args: unknown[]
  ) {
    if (this._activeQuery || this._queryQueue.length > 0) overlaps++;
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query);
  try {
    const units = await client.$transaction((tx) =>
      tx.orgUnit.findMany({
        select: {
          slug: true,
          children: { select: { slug: true } },
          parent: { select: { slug: true } },
          formerSlugs: { select: { slug: true } },
          roleAssignments: { select: { role: true } },
        },
        orderBy: { slug: "asc" },
      }),
    );
    expect(units.map((u) => [u.slug, u.children.map((c) => c.slug), u.parent?.slug ?? null])).toEqual([
      ["phuong-thu", [], "quan-thu"],
      ["quan-thu", ["phuong-thu"], null],
    ]);
  } finally {
    spy.mockRestore();
  }
  return overlaps;
}

describe("the driver adapter", () => {
  it("sends a transaction's statements to its pg client one at a time", async () => {
    const client = new PrismaClient({ adapter: pgAdapter({ connectionString: database.url, max: 2 }) });
    try {
      expect(await overlapsOf(client)).toBe(0);
    } finally {
      await client.$disconnect();
    }
  });

  it("is needed: plain PrismaPg sends the relations of one read together (remove the wrapper once it does not)", async () => {
    const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url, max: 2 }) });
    try {
      expect(await overlapsOf(client)).toBeGreaterThan(0);
    } finally {
      await client.$disconnect();
    }
  });
});
