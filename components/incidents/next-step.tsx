import { ButtonLink } from '@/components/ui/button'
import type { NextStep as Step } from '@/lib/incidents/causes'

/** What to do about the incident's cause, with the links that do it. */
export function NextStep({ step, resolved }: { step: Step; resolved: boolean }) {
  return (
    <div className="space-y-3" data-next-step>
      <p className="text-sm text-slate-700">
        {resolved ? <span className="font-medium">If it happens again: </span> : null}
        {step.text}
      </p>
      {step.links.length > 0 ? (
        <div className="flex flex-wrap gap-2">
          {step.links.map((link, i) => (
            <ButtonLink
              key={link.href + link.label}
              href={link.href}
              variant={i === 0 && !resolved ? 'primary' : 'secondary'}
              size="sm"
            >
              {link.label}
            </ButtonLink>
          ))}
        </div>
      ) : null}
    </div>
  )
}
