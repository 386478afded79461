import { signOut } from '@/lib/auth/auth'

export function SignOutButton() {
  return (
    <form
      action={async () => {
        'use server'
        await signOut({ redirectTo: '/login' })
      }}
    >
      <button type="submit" className="text-xs text-gray-400 hover:text-white">
        Sign out
      </button>
    </form>
  )
}
