"use client";
// The submission's version as this page last knew it. Saving figures raises it, and the review
// buttons send it; the save's own answer carries the new version, so "Gửi duyệt" right after
// "Lưu nháp" does not depend on the page refresh having arrived first (it used to be refused as
// a conflict with the person's own save).
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import { useLatestVersion } from "@/components/ui/use-latest-version";

type Known = { version: number | null; report: (version: number) => void };

const SubmissionVersion = createContext<Known | null>(null);

export function SubmissionVersionProvider({ children }: { children: ReactNode }) {
  const [version, setVersion] = useState<number | null>(null);
  // versions only rise, so the newest answer wins whatever order the answers arrive in
  const report = useCallback((v: number) => setVersion((prev) => (prev === null || v > prev ? v : prev)), []);
  const value = useMemo(() => ({ version, report }), [version, report]);
  return <SubmissionVersion.Provider value={value}>{children}</SubmissionVersion.Provider>;
}

/** Called by the entry form with the version its save returned. */
export function useReportSubmissionVersion(): (version: number) => void {
  return useContext(SubmissionVersion)?.report ?? noop;
}

/** The version to send: the server's (after a refresh) or the one a save just returned, whichever is newer. */
export function useSubmissionVersion(serverVersion: number): number {
  return useLatestVersion(serverVersion, useContext(SubmissionVersion)?.version);
}

function noop() {}
