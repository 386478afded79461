// POST /t/{team}/apis/{api}/contract-upload - add a version, or save a draft, with its contract
// uploaded (streamed multipart), pasted, or imported from a URL. The version form posts here
// rather than to a server action, whose body limit is far below a real contract's size.
import { saveUploadedVersion } from '@/lib/apis/save-uploaded-version'
import { auditedConsoleChange } from '@/lib/auth/team-action'
import { requireTeamPermission } from '@/lib/auth/team-context'
import { AppError } from '@/lib/errors/app-error'
import { toProblem } from '@/lib/errors/to-problem'
import { createId } from '@/lib/ids'
import { isSameOrigin } from '@/lib/try-it/check-same-origin'
import { revalidatePath } from 'next/cache'

export const dynamic = 'force-dynamic'

export async function POST(request: Request, { params }: { params: Promise<{ team: string; api: string }> }) {
  const { team } = await params
  try {
    // Cookie-authenticated, so CSRF-checked like a server action (the front door checks it too).
    if (!isSameOrigin(request.headers))
      throw new AppError({ code: 'cross_origin', status: 403, message: 'Cross-origin requests are not allowed' })
    // Membership and permission first: nobody else's upload is read at all.
    const context = await requireTeamPermission(team, 'apis.write')
    // A new version records its own version.create; a saved draft is this one version.update.
    const saved = await auditedConsoleChange(context, 'version.update', () => saveUploadedVersion(context, request))
    revalidatePath(`/t/${team}/apis`, 'layout')
    return Response.json({ ok: true, data: saved }, { headers: { 'cache-control': 'no-store' } })
  } catch (error) {
    // problem+json; the form shows `detail` and the field `errors` like a server action's result.
    const problem = toProblem(error, createId('req'))
    return Response.json(problem, {
      status: problem.status,
      headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store' },
    })
  }
}
