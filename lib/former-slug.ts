// Addresses that carry a unit's slug, and where they lead once the slug has changed: a unit renamed
// with a new slug keeps its former one (org_unit_former_slug), and the proxy answers a permanent
// redirect from every page and API address with the former slug to the same address with the new.
// Pure (the proxy asks the database).

/** First path segments that are the app's own pages, never a unit's slug. */
const APP_ROUTES = new Set(["api", "dang-nhap", "doi-mat-khau", "quan-tri", "so-sanh", "tien-do", "_next"]);
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The unit slug an address names, if any — `/{slug}/…` (the ward's pages) or
 * `/api/v1/org-units/{slug}/…` — and how to write the address with another slug.
 */
export function slugInPath(pathname: string): { slug: string; withSlug: (slug: string) => string } | null {
  const parts = pathname.split("/");
  const at =
    parts[1] === "api" ? (parts[2] === "v1" && parts[3] === "org-units" ? 4 : -1) : APP_ROUTES.has(parts[1]) ? -1 : 1;
  if (at < 0 || !SLUG.test(parts[at] ?? "")) return null;
  return {
    slug: parts[at],
    withSlug: (slug) => [...parts.slice(0, at), slug, ...parts.slice(at + 1)].join("/"),
  };
}
