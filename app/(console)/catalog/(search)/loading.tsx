// Mirrors the catalog's shape (filters, then a grid of cards) so the page does not jump on load.
export default function CatalogLoading() {
  return (
    <div className="mx-auto max-w-7xl animate-pulse" aria-busy="true" aria-label="Loading the catalog">
      <div className="mb-6 space-y-2">
        <div className="h-6 w-32 rounded bg-slate-200" />
        <div className="h-4 w-96 max-w-full rounded bg-slate-200" />
      </div>
      <div className="mb-5 h-20 rounded-lg bg-slate-200/70" />
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        {Array.from({ length: 9 }, (_, i) => (
          <div key={i} className="h-40 rounded-lg bg-slate-200/60" />
        ))}
      </div>
    </div>
  )
}
