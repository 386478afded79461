import { db } from '@/lib/db'
import { createId } from '@/lib/ids'

// Failed sign-ins are counted in the database so the limit holds across restarts and instances.
export const LOGIN_WINDOW_MS = 15 * 60 * 1000
export const MAX_FAILURES_PER_EMAIL = 5
export const MAX_FAILURES_PER_IP = 30

export async function isLoginRateLimited(email: string, ip: string, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS)
  const [byEmail, byIp] = await Promise.all([
    db.loginAttempt.count({ where: { email, succeeded: false, createdAt: { gte: since } } }),
    db.loginAttempt.count({ where: { ip, succeeded: false, createdAt: { gte: since } } }),
  ])
  return byEmail >= MAX_FAILURES_PER_EMAIL || byIp >= MAX_FAILURES_PER_IP
}

export async function recordLoginAttempt(email: string, ip: string, succeeded: boolean): Promise<void> {
  await db.loginAttempt.create({ data: { id: createId('login'), email, ip, succeeded } })
  // A success clears the slate for that address, so a user who finally remembers is not locked out.
  if (succeeded) await db.loginAttempt.deleteMany({ where: { email, succeeded: false } })
}
