// Stub: the review and approval panel is built on another branch and replaces this file at merge.
export async function SubmissionPanel(props: { wardSlug: string; year: number; programmeSlug: string }) {
  void props;
  return null;
}
