// What the sign-in form says for each way a sign-in can fail. The same words whether the failure
// came back to the form's server action or as Auth.js's ?error=&code= redirect to /login.

export const WRONG_CREDENTIALS = 'Wrong email or password'
export const ACCOUNT_DISABLED = 'This account is disabled. Ask an administrator of your Tollgate to enable it.'
export const EMAIL_UNVERIFIED =
  'Your identity provider has not verified your email address, so it cannot sign you in here. Verify it there first.'
export const SIGN_IN_UNAVAILABLE = 'Signing in failed on our side. Try again in a moment.'

/** "Too many attempts; try again in 12 seconds" (minutes from two minutes up). */
export function tooManyAttempts(retryAfterSeconds?: number): string {
  if (!retryAfterSeconds || !Number.isFinite(retryAfterSeconds)) return 'Too many attempts; try again later.'
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds))
  if (seconds < 120) return `Too many attempts; try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`
  return `Too many attempts; try again in ${Math.ceil(seconds / 60)} minutes.`
}

/** The message for Auth.js's redirect to /login?error=<type>&code=<code>, or null for none. */
export function signInErrorMessage(type: string | undefined, code: string | undefined): string | null {
  if (!type) return null
  if (type === 'CredentialsSignin') {
    if (code === 'rate_limited') return tooManyAttempts()
    if (code === 'account_disabled') return ACCOUNT_DISABLED
    return WRONG_CREDENTIALS
  }
  // Single sign-on refusals of the signIn callback: an unverified email (its own code), or a
  // disabled account (Auth.js's plain AccessDenied).
  if (type === 'AccessDenied') return code === 'email_unverified' ? EMAIL_UNVERIFIED : ACCOUNT_DISABLED
  return SIGN_IN_UNAVAILABLE
}
