import { expect, test } from 'vitest'
import {
  ACCOUNT_DISABLED,
  EMAIL_UNVERIFIED,
  SIGN_IN_UNAVAILABLE,
  WRONG_CREDENTIALS,
  signInErrorMessage,
  tooManyAttempts,
} from './sign-in-messages'

test.each([
  [1, 'Too many attempts; try again in 1 second.'],
  [1.2, 'Too many attempts; try again in 2 seconds.'],
  [45, 'Too many attempts; try again in 45 seconds.'],
  [119, 'Too many attempts; try again in 119 seconds.'],
  [900, 'Too many attempts; try again in 15 minutes.'],
  [undefined, 'Too many attempts; try again later.'],
])('tooManyAttempts(%s) says %j', (seconds, message) => {
  expect(tooManyAttempts(seconds)).toBe(message)
})

test.each([
  [undefined, undefined, null],
  ['CredentialsSignin', 'credentials', WRONG_CREDENTIALS],
  ['CredentialsSignin', 'rate_limited', 'Too many attempts; try again later.'],
  ['CredentialsSignin', 'account_disabled', ACCOUNT_DISABLED],
  ['AccessDenied', undefined, ACCOUNT_DISABLED],
  ['AccessDenied', 'email_unverified', EMAIL_UNVERIFIED],
  ['Configuration', undefined, SIGN_IN_UNAVAILABLE],
])('Auth.js redirect ?error=%s&code=%s shows %j', (type, code, message) => {
  expect(signInErrorMessage(type, code)).toBe(message)
})
