import { databaseIsUp } from "@/lib/data/health";

export async function GET(): Promise<Response> {
  const up = await databaseIsUp();
  return Response.json(
    { status: up ? "ok" : "error", database: up ? "ok" : "error" },
    { status: up ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
