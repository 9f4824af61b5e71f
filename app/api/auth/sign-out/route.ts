import { handle } from "@/lib/api/http";
import { logAccess } from "@/lib/auth/access-log";
import { refuseCrossSite, seeOther } from "@/lib/auth/route-guard";
import { viewerFromHeaders } from "@/lib/auth/session";
import { signOut } from "@/lib/auth/sign-in";

export async function POST(request: Request): Promise<Response> {
  return handle(
    async () => {
      const refused = await refuseCrossSite(request);
      if (refused) return refused;
      const viewer = await viewerFromHeaders(request.headers);
      const cookies = await signOut(request.headers);
      if (viewer) await logAccess({ event: "SIGN_OUT", userId: viewer.userId });
      return seeOther("/dang-nhap?da-dang-xuat=1", cookies);
    },
    { as: "html" },
  );
}
