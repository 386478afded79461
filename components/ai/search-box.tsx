import { Button } from '@/components/ui/button'
import { Input } from '@/components/ui/form-field'

/** A GET search form for one list of a page, keeping the other lists' params. */
export function SearchBox({
  name,
  label,
  placeholder,
  value,
  keep,
}: {
  name: string
  label: string
  placeholder: string
  value?: string
  keep: Record<string, string | undefined>
}) {
  return (
    <form method="get" role="search" className="flex gap-2">
      {Object.entries(keep).map(([key, kept]) =>
        kept ? <input key={key} type="hidden" name={key} value={kept} /> : null,
      )}
      <div className="w-56">
        <Input name={name} type="search" aria-label={label} placeholder={placeholder} defaultValue={value ?? ''} />
      </div>
      <Button type="submit" variant="secondary">
        Search
      </Button>
    </form>
  )
}
