import Link from 'next/link'

export default function NotFound() {
  return (
    <div className="grid min-h-screen place-items-center">
      <div className="text-center">
        <p className="text-sm font-semibold text-brand-600">404</p>
        <h1 className="mt-1 text-xl font-semibold">Not found</h1>
        <p className="mt-1 text-sm text-slate-500">It does not exist, or you do not have access to it.</p>
        <Link href="/catalog" className="mt-4 inline-block text-sm text-brand-600 hover:underline">
          Back to the catalog
        </Link>
      </div>
    </div>
  )
}
