// A listener rule's path-pattern condition: case-sensitive, `*` matches any run of characters (slashes
// included) and `?` exactly one; the pattern covers the whole path and never the query string
// (ELB user guide, load-balancer-listeners.html, "Path conditions").

export function pathMatches(pattern: string, path: string): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`).test(path);
}
