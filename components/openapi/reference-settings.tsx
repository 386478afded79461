'use client'

import { createContext, useContext, useSyncExternalStore } from 'react'

// What every opened operation of one reference needs for its code samples: the gateway's base
// path and whether the API speaks the OpenAI wire format. A context, so the lazily loaded
// operations get it without every list in between passing it on.

export type ReferenceSettingsValue = { basePath: string | null; ai: boolean }

const ReferenceSettingsContext = createContext<ReferenceSettingsValue>({ basePath: null, ai: false })

export function ReferenceSettings({ value, children }: { value: ReferenceSettingsValue; children: React.ReactNode }) {
  return <ReferenceSettingsContext.Provider value={value}>{children}</ReferenceSettingsContext.Provider>
}

export function useReferenceSettings(): ReferenceSettingsValue {
  return useContext(ReferenceSettingsContext)
}

const subscribeNever = () => () => {}

/** The page's origin in the browser ("" while rendering on the server). */
export function useOrigin(): string {
  return useSyncExternalStore(
    subscribeNever,
    () => window.location.origin,
    () => '',
  )
}
