import { loadTokenizer, countInputTokens, countTextTokens } from '../lib/ai/count-tokens'
import type { ChatMessage, ChatRequest, ChatToolCall, FinishReason } from '../lib/ai/chat-types'

// The demo AI provider's answer to a ChatRequest: deterministic, built from the prompt, with real
// token counts. It calls a tool when asked to (tool_choice required or named) or when the last user
// message names one, answers a tool result by quoting it, honours max_tokens (finish "length") and
// stop sequences, and otherwise quotes the last user message back.

export type DemoReply = {
  text: string | null
  toolCalls: ChatToolCall[]
  finish: FinishReason
  inputTokens: number
  outputTokens: number
}

const QUOTE_CHARS = 160

export function demoReply(request: ChatRequest): DemoReply {
  const inputTokens = countInputTokens(request)
  const last = request.messages[request.messages.length - 1]
  const call = toolToCall(request, last)
  if (call) {
    const outputTokens = countTextTokens(call.function.name) + countTextTokens(call.function.arguments) + 3
    return { text: null, toolCalls: [call], finish: 'tool_calls', inputTokens, outputTokens }
  }
  let text = answerText(request, last)
  let finish: FinishReason = 'stop'
  for (const stop of [request.stop ?? []].flat()) {
    const at = text.indexOf(stop)
    if (at >= 0) text = text.slice(0, at)
  }
  const limit = request.max_completion_tokens ?? request.max_tokens
  const tokens = loadTokenizer().encode(text, [], [])
  if (limit !== undefined && tokens.length > limit) {
    text = loadTokenizer().decode(tokens.slice(0, limit))
    finish = 'length'
  }
  return { text, toolCalls: [], finish, inputTokens, outputTokens: countTextTokens(text) }
}

function answerText(request: ChatRequest, last: ChatMessage | undefined): string {
  if (last?.role === 'tool') {
    return `The tool answered: ${quote(textOf(last))}. That is what the demo model knows; it runs offline inside Tollgate.`
  }
  const user = [...request.messages].reverse().find((message) => message.role === 'user')
  const images = Array.isArray(user?.content) ? user.content.filter((part) => part.type === 'image_url').length : 0
  const seen = images > 0 ? ` I see ${images} image${images === 1 ? '' : 's'}, but I cannot look at them.` : ''
  return (
    `You said: "${quote(user ? textOf(user) : '')}".${seen} This is ${request.model}, ` +
    `Tollgate's built-in demo model, answering offline from your prompt.`
  )
}

function textOf(message: ChatMessage): string {
  if (typeof message.content === 'string') return message.content
  return (message.content ?? []).map((part) => (part.type === 'text' ? part.text : '')).join(' ')
}

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > QUOTE_CHARS ? `${flat.slice(0, QUOTE_CHARS)}…` : flat
}

function toolToCall(request: ChatRequest, last: ChatMessage | undefined): ChatToolCall | null {
  const tools = request.tools ?? []
  if (tools.length === 0 || request.tool_choice === 'none' || last?.role !== 'user') return null
  const choice = request.tool_choice
  const said = textOf(last).toLowerCase()
  const tool =
    typeof choice === 'object'
      ? tools.find((item) => item.function.name === choice.function.name)
      : (tools.find((item) => said.includes(item.function.name.toLowerCase())) ??
        (choice === 'required' ? tools[0] : undefined))
  if (!tool) return null
  const args = placeholderArguments(tool.function.parameters)
  return {
    id: `call_demo_${request.messages.length}_${tool.function.name}`.slice(0, 40),
    type: 'function',
    function: { name: tool.function.name, arguments: JSON.stringify(args) },
  }
}

/** A value for each property of a JSON Schema object: the first enum value, or one of its type. */
function placeholderArguments(schema: Record<string, unknown> | undefined): Record<string, unknown> {
  const properties = (schema?.properties ?? {}) as Record<string, { type?: unknown; enum?: unknown[] }>
  const args: Record<string, unknown> = {}
  for (const [name, property] of Object.entries(properties)) {
    if (Array.isArray(property?.enum) && property.enum.length > 0) args[name] = property.enum[0]
    else if (property?.type === 'number' || property?.type === 'integer') args[name] = 1
    else if (property?.type === 'boolean') args[name] = true
    else if (property?.type === 'array') args[name] = []
    else if (property?.type === 'object') args[name] = {}
    else args[name] = 'demo'
  }
  return args
}

/** The reply's text in pieces of a few words, as a stream sends them. */
export function replyPieces(text: string, words = 3): string[] {
  const tokens = text.split(/(?<=\s)/)
  const pieces: string[] = []
  for (let at = 0; at < tokens.length; at += words) pieces.push(tokens.slice(at, at + words).join(''))
  return pieces.length > 0 ? pieces : ['']
}
