"use client";
// "The newest version I know": a form that sends the version it started from (optimistic
// concurrency) may be sent again before the page's refresh arrives; its own last save's answer
// then knows a newer version than the page. Versions only rise, so the larger one is the newest.
// Used by the deadline form, the land-clearance record forms and the submission panel.

/** The version to send: the page's (`serverVersion`) or the one a save answered, whichever is newer. */
export function useLatestVersion(serverVersion: number, answered: number | null | undefined): number {
  return answered === null || answered === undefined ? serverVersion : Math.max(serverVersion, answered);
}
