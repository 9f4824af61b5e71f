import "server-only";
// Where an unlock request's transitions meet notifications. Today the inbox ("Việc cần làm") and the
// review panel show them and nothing is sent; the e-mail notices of issue 15 hook in here (one call
// site per transition, after its transaction has committed): requested → those who may unlock the
// ward; refused or granted → the ward official who asked.

export type UnlockRequestNotice = {
  kind: "requested" | "refused" | "granted";
  requestId: number;
  submissionId: number;
  ward: string;
  year: number;
  programme: string;
};

/** Called once per transition of an unlock request, after it is committed. In-app only for now. */
export async function notifyUnlockRequest(notice: UnlockRequestNotice): Promise<void> {
  // nothing to send yet: the inbox reads the request's state from the database
  void notice;
}
