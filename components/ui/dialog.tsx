'use client'

import * as RadixDialog from '@radix-ui/react-dialog'
import { useRef } from 'react'
import { cn } from './cn'

/**
 * The one modal dialog of the console (Radix, as shadcn/ui uses it): focus is trapped inside,
 * Esc and the overlay close it, and the title labels it. It renders in a portal on <body>, so a
 * dialog opened from a right-aligned, nowrap table cell never inherits that cell's text styles.
 *
 * Controlled: the owner keeps `open` in state, so it can close the dialog after its action
 * succeeds and keep it open (with the error shown) when it fails.
 */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  size = 'md',
  children,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: React.ReactNode
  /** Read out with the title; omit it when the body says it instead. */
  description?: React.ReactNode
  size?: 'md' | 'lg' | 'xl'
  children: React.ReactNode
}) {
  // Our dialogs open from ordinary buttons, not Radix triggers, so Radix cannot know where focus
  // came from: remember it as the dialog opens (focus has not moved yet) and give it back on close.
  const opener = useRef<HTMLElement | null>(null)
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-gray-950/50" />
        <RadixDialog.Content
          // Without a description Radix would point aria-describedby at nothing.
          {...(description ? {} : { 'aria-describedby': undefined })}
          onOpenAutoFocus={() => {
            opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
          }}
          onCloseAutoFocus={(event) => {
            if (!opener.current?.isConnected) return
            event.preventDefault()
            opener.current.focus()
          }}
          className={cn(
            'fixed top-1/2 left-1/2 z-50 max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2',
            'overflow-y-auto rounded-lg bg-white p-5 text-left break-words whitespace-normal shadow-xl',
            'ring-1 ring-slate-200 focus:outline-none',
            { md: 'max-w-md', lg: 'max-w-lg', xl: 'max-w-2xl' }[size],
          )}
        >
          <div className="space-y-3">
            <RadixDialog.Title className="text-base font-semibold text-slate-900">{title}</RadixDialog.Title>
            {description ? (
              <RadixDialog.Description asChild>
                <div className="text-sm text-slate-600">{description}</div>
              </RadixDialog.Description>
            ) : null}
            {children}
          </div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  )
}

/** The row of buttons at the foot of a dialog, the confirming one last. */
export function DialogActions({ children }: { children: React.ReactNode }) {
  return <div className="flex flex-wrap justify-end gap-2 pt-2">{children}</div>
}
