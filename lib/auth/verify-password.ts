import bcrypt from 'bcryptjs'
import { db } from '@/lib/db'

export async function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, 10)
}

// Always runs one bcrypt comparison, even for unknown emails, so timing does not reveal accounts.
const DUMMY_HASH = '$2b$10$CwTycUXWue0Thq9StjUM0uJ8.0Ff6e5h6k2ZC1vYpZkYVPZ8p6i3a'

export async function verifyPassword(email: string, password: string) {
  const user = await db.user.findUnique({ where: { email } })
  const ok = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH)
  return ok && user ? user : null
}
