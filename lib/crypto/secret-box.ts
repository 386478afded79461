import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'

// Secrets at rest (provider keys, webhook secrets) use AES-256-GCM with a key derived from the
// app secret by HKDF, so rotating TOLLGATE_SECRET is the one thing that invalidates them.
function encryptionKey(): Buffer {
  const secret = process.env.TOLLGATE_SECRET || process.env.AUTH_SECRET
  if (!secret) throw new Error('TOLLGATE_SECRET is not set (npm start generates one in .env.local)')
  return Buffer.from(hkdfSync('sha256', secret, 'tollgate', 'secret-box v1', 32))
}

export function encryptSecret(plaintext: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', encryptionKey(), iv)
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join(
    '.',
  )
}

export function decryptSecret(sealed: string): string {
  const [version, iv, tag, body] = sealed.split('.')
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('Unrecognised secret format')
  const decipher = createDecipheriv('aes-256-gcm', encryptionKey(), Buffer.from(iv, 'base64url'))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
}
