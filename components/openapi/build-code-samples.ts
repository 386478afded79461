import type { OperationModel } from '@/lib/openapi/build-reference-detail'

// Code samples for one operation of the reference, as a portal shows them: curl, JavaScript
// fetch, Python requests, and the OpenAI SDK on AI APIs. The key is read from TOLLGATE_KEY, never
// written in; path parameters are placeholders (<id>). Plain strings: React renders them as text.

export type CodeSample = {
  id: 'curl' | 'javascript' | 'python' | 'openai-python' | 'openai-js'
  label: string
  code: string
}

type SampleOperation = Pick<OperationModel, 'method' | 'path' | 'parameters' | 'requestBody'>

const sq = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`

function requestUrl(baseUrl: string, operation: SampleOperation): string {
  const path = operation.path.replace(/\{([^}]+)\}/g, (_m, name: string) => `<${name}>`)
  const query = operation.parameters
    .filter((p) => p.in === 'query' && p.required)
    .map((p) => `${encodeURIComponent(p.name)}=<${p.name}>`)
    .join('&')
  return `${baseUrl}${path}${query ? `?${query}` : ''}`
}

function exampleBody(operation: SampleOperation): { contentType: string; text: string } | null {
  const media =
    operation.requestBody?.content.find((m) => /json/i.test(m.mediaType)) ?? operation.requestBody?.content[0]
  if (!media) return null
  return { contentType: media.mediaType, text: media.examples[0]?.text ?? '{}' }
}

export function buildCodeSamples(baseUrl: string, operation: SampleOperation, ai: boolean): CodeSample[] {
  const method = operation.method.toUpperCase()
  const url = requestUrl(baseUrl, operation)
  const body = exampleBody(operation)
  const samples: CodeSample[] = []

  const curl = [`curl -X ${method} ${sq(url)}`, `-H "Authorization: Bearer $TOLLGATE_KEY"`]
  if (body) curl.push(`-H ${sq(`content-type: ${body.contentType}`)}`, `--data-raw ${sq(body.text)}`)
  samples.push({ id: 'curl', label: 'curl', code: curl.join(' \\\n  ') })

  const fetchOptions = [
    `  method: ${JSON.stringify(method)},`,
    '  headers: {',
    '    Authorization: `Bearer ${process.env.TOLLGATE_KEY}`,',
  ]
  if (body) fetchOptions.push(`    'content-type': ${JSON.stringify(body.contentType)},`)
  fetchOptions.push('  },')
  if (body) fetchOptions.push(`  body: JSON.stringify(${body.text.trim()}),`)
  samples.push({
    id: 'javascript',
    label: 'JavaScript',
    code: [
      `const res = await fetch(${JSON.stringify(url)}, {`,
      ...fetchOptions,
      '})',
      'console.log(res.status, await res.json())',
    ].join('\n'),
  })

  const python = [
    'import os',
    'import requests',
    '',
    `res = requests.request(`,
    `    ${JSON.stringify(method)},`,
    `    ${JSON.stringify(url)},`,
  ]
  python.push('    headers={"Authorization": f"Bearer {os.environ[\'TOLLGATE_KEY\']}"},')
  if (body) python.push(`    json=${pythonLiteral(body.text)},`)
  python.push(')', 'print(res.status_code, res.json())')
  samples.push({ id: 'python', label: 'Python', code: python.join('\n') })

  if (ai && /\/chat\/completions$/.test(operation.path)) {
    samples.push({
      id: 'openai-python',
      label: 'OpenAI SDK (Python)',
      code: [
        'import os',
        'from openai import OpenAI',
        '',
        `client = OpenAI(base_url=${JSON.stringify(baseUrl)}, api_key=os.environ["TOLLGATE_KEY"])`,
        'reply = client.chat.completions.create(',
        '    model="<model>",',
        '    messages=[{"role": "user", "content": "Hello"}],',
        ')',
        'print(reply.choices[0].message.content)',
      ].join('\n'),
    })
    samples.push({
      id: 'openai-js',
      label: 'OpenAI SDK (JavaScript)',
      code: [
        "import OpenAI from 'openai'",
        '',
        `const client = new OpenAI({ baseURL: ${JSON.stringify(baseUrl)}, apiKey: process.env.TOLLGATE_KEY })`,
        'const reply = await client.chat.completions.create({',
        "  model: '<model>',",
        "  messages: [{ role: 'user', content: 'Hello' }],",
        '})',
        'console.log(reply.choices[0].message.content)',
      ].join('\n'),
    })
  }
  return samples
}

/** A JSON example as a Python literal (true/false/null spelled Python's way); non-JSON stays a string. */
function pythonLiteral(text: string): string {
  try {
    return toPython(JSON.parse(text), 1)
  } catch {
    return JSON.stringify(text)
  }
}

function toPython(value: unknown, depth: number): string {
  if (value === null) return 'None'
  if (value === true) return 'True'
  if (value === false) return 'False'
  if (typeof value === 'number' || typeof value === 'string') return JSON.stringify(value)
  const pad = '    '.repeat(depth + 1)
  const end = '    '.repeat(depth)
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    return `[\n${value.map((v) => `${pad}${toPython(v, depth + 1)},`).join('\n')}\n${end}]`
  }
  const entries = Object.entries(value as Record<string, unknown>)
  if (entries.length === 0) return '{}'
  return `{\n${entries.map(([k, v]) => `${pad}${JSON.stringify(k)}: ${toPython(v, depth + 1)},`).join('\n')}\n${end}}`
}
