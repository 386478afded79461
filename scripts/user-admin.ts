// `npm run user -- disable <email>` / `npm run user -- enable <email>`: an operator's switch for a
// user account, against DATABASE_URL. A disabled user cannot sign in (password or single sign-on)
// and every session they hold ends at its next request (lib/auth/disable-user.ts).
import { disableUser, enableUser } from '@/lib/auth/disable-user'
import { db } from '@/lib/db'

const USAGE = 'Usage: npm run user -- disable|enable <email>'

async function main(): Promise<number> {
  const [command, rawEmail] = process.argv.slice(2)
  const email = rawEmail?.trim().toLowerCase()
  if ((command !== 'disable' && command !== 'enable') || !email) {
    console.error(USAGE)
    return 2
  }
  const user = await db.user.findUnique({ where: { email }, select: { id: true } })
  if (!user) {
    console.error(`No user has the email ${email}.`)
    return 1
  }
  const changed = command === 'disable' ? await disableUser(user.id) : await enableUser(user.id)
  console.log(`${changed.email} is ${changed.disabledAt ? 'disabled: their sessions have ended' : 'enabled'}.`)
  return 0
}

main()
  .then((code) => (process.exitCode = code))
  .catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
  .finally(() => db.$disconnect())
