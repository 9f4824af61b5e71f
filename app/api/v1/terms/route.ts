import { handle, jsonOk } from "@/lib/api/http";
import { authorizeApi } from "@/lib/auth/access";
import { listTerms } from "@/lib/data/catalogue";

export async function GET(request: Request): Promise<Response> {
  return handle(async () => {
    // the catalogue is not unit data: any signed-in caller or token reads it
    const auth = await authorizeApi(request);
    if ("refusal" in auth) return auth.refusal;
    const terms = await listTerms();
    return jsonOk({ data: terms.map(({ programmeCount: _n, ...t }) => t) });
  });
}
