// Which sidebar link is the current page's: the longest link that is the path or one of its
// parents. A plain prefix test would light "AI models" (/ai) on /ai/usage too, and /apis on a
// sibling such as /apis-archive.

export function activeNavHref(pathname: string, hrefs: readonly string[]): string | null {
  let best: string | null = null
  for (const href of hrefs) {
    const matches = pathname === href || pathname.startsWith(`${href}/`)
    if (matches && (best === null || href.length > best.length)) best = href
  }
  return best
}
