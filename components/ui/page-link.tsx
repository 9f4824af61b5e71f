import Link from "next/link";

/**
 * A link to another page of the app, fetched when followed, not ahead. Every page here is rendered per
 * request (nothing is prerendered), so a prefetch brings no page ahead of time, only its route data, and
 * costs a server render (the header's queries included) and work in the browser while the page starts:
 * the header's and the page navigations' links made about ten such requests on every page view.
 */
export function PageLink(props: React.ComponentProps<typeof Link>) {
  return <Link prefetch={false} {...props} />;
}
