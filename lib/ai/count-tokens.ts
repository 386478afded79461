import { imageSize } from 'image-size'
import { createRequire } from 'node:module'
import { Tiktoken } from 'js-tiktoken/lite'
import type { ChatContentPart, ChatRequest } from './chat-types'

// Token counts with OpenAI's o200k_base encoding (js-tiktoken, the ranks shipped in the package,
// nothing downloaded). The input count is the gateway's pre-call reservation, so where a provider
// bills more than OpenAI's formula (images, tool definitions) it takes the larger figure: the
// reservation settles at the provider's reported usage, and an undercount would let a call start
// that the consumer cannot pay for.

let encoder: Tiktoken | null = null

/** Builds the encoder (about 0.7 s and 100 MB, once); the first count does it when nobody did. */
export function loadTokenizer(): Tiktoken {
  if (!encoder) {
    const ranks = createRequire(import.meta.url)('js-tiktoken/ranks/o200k_base')
    encoder = new Tiktoken(ranks.default ?? ranks)
  }
  return encoder
}

// js-tiktoken's byte-pair merge is quadratic in a piece's length and slow on pieces outside its
// vocabulary: 50,000 "a"s take minutes, 40,000 CJK characters seconds. So text is encoded in
// segments cut at whitespace, runs longer than 32 characters are cut (a cut can only add tokens),
// and one count spends at most TIME_BUDGET_MS encoding: past it, each remaining segment counts as
// its UTF-8 byte length, a bound no tokenizer exceeds (every token is at least one byte). Only
// prompts of some hundred thousand characters reach the budget.
const ATOMS = /\s{1,32}|\S{1,32}/g
const ATOM_CHARS = 32
const SEGMENT_CHARS = 1024
const TIME_BUDGET_MS = 200

export type CountBudget = { deadline: number }

/** Starts once the encoder is built, so building it does not use up the budget. */
export const countBudget = (ms = TIME_BUDGET_MS): CountBudget => ({ deadline: performance.now() + ms })

/** Tokens of plain text, as OpenAI counts them (special-token text counts as text). */
export function countTextTokens(text: string, given?: CountBudget): number {
  if (!text) return 0
  const tokenizer = loadTokenizer()
  const budget = given ?? countBudget()
  let total = 0
  let segment = ''
  const flush = () => {
    if (!segment) return
    total +=
      performance.now() < budget.deadline
        ? tokenizer.encode(segment, [], []).length
        : Buffer.byteLength(segment, 'utf8')
    segment = ''
  }
  for (const [atom] of text.matchAll(ATOMS)) {
    // Before a lone space the encoder's own pattern splits too (" word" is one piece); other
    // whitespace may belong to the piece before it (".\n\n"), so it is cut at only when long.
    if (
      segment.length >= SEGMENT_CHARS &&
      (atom === ' ' || (segment.length >= 4 * SEGMENT_CHARS && /^\s/.test(atom)))
    ) {
      flush()
    }
    segment += atom
    if (atom.length === ATOM_CHARS) flush()
  }
  flush()
  return total
}

// OpenAI's cookbook ("How to count tokens with tiktoken"): each message costs 3 tokens besides
// its values, a name 1 more, and every reply is primed with 3 (<|start|>assistant<|message|>).
const PER_MESSAGE = 3
const PER_NAME = 1
const REPLY_PRIMING = 3
const PER_TOOL_CALL = 3
// Anthropic prepends a tool-use system prompt of up to 346 tokens when tools are given; OpenAI
// renders function definitions in a format that JSON text outweighs. Both are covered here.
const TOOLS_PREAMBLE = 350
const PER_TOOL = 10

export type CountOptions = {
  /** The provider's model name: OpenAI's small models bill images at inflated token counts. */
  providerModel?: string
}

/** The input tokens of a request, conservatively, for the pre-call reservation. */
export function countInputTokens(request: ChatRequest, options: CountOptions = {}): number {
  loadTokenizer()
  const budget = countBudget()
  const count = (text: string) => countTextTokens(text, budget)
  let total = REPLY_PRIMING
  for (const message of request.messages) {
    total += PER_MESSAGE + count(message.role)
    if (message.name) total += PER_NAME + count(message.name)
    if (typeof message.content === 'string') total += count(message.content)
    else for (const part of message.content ?? []) total += partTokens(part, options, count)
    for (const call of message.tool_calls ?? []) {
      total += PER_TOOL_CALL + count(call.function.name) + count(call.function.arguments)
    }
    if (message.tool_call_id) total += count(message.tool_call_id)
  }
  if (request.tools?.length) {
    total += TOOLS_PREAMBLE
    for (const tool of request.tools) total += PER_TOOL + count(JSON.stringify(tool.function))
  }
  if (request.response_format?.json_schema) total += count(JSON.stringify(request.response_format.json_schema))
  return total
}

function partTokens(part: ChatContentPart, options: CountOptions, count: (text: string) => number): number {
  return part.type === 'text' ? count(part.text) : imageTokens(part.image_url.url, part.image_url.detail, options)
}

/** A remote image's size is unknown here; 2048×2048 is where OpenAI starts scaling down. */
const UNKNOWN_SIDE = 2048

/** The most any provider bills for one image of this size (OpenAI, Anthropic, Gemini). */
export function imageTokens(url: string, detail: 'auto' | 'low' | 'high' = 'auto', options: CountOptions = {}): number {
  const { width, height } = imageDimensions(url)
  const model = options.providerModel?.toLowerCase() ?? ''
  // OpenAI, gpt-4o family: 85 at low detail; otherwise 512-px tiles after fitting 2048×2048 and
  // bringing the short side down to 768. gpt-4o-mini bills 2833 + 5667 a tile for the same price.
  const [base, perTile] = model.includes('gpt-4o-mini') ? [2833, 5667] : [85, 170]
  const openAi = detail === 'low' ? base : base + perTile * openAiTiles(width, height)
  // OpenAI's 32-px patch models (gpt-4.1-mini, -nano, o4-mini): at most 1536 patches, multiplied.
  const patchMultiplier = /gpt-4\.1-nano/.test(model) ? 2.46 : /o4-mini/.test(model) ? 1.72 : 1.62
  const patches = Math.ceil(Math.min(1536, Math.ceil(width / 32) * Math.ceil(height / 32)) * patchMultiplier)
  // Anthropic: width × height / 750, after fitting a 1568-px long edge and about 1.15 megapixels.
  const fit = Math.min(1, 1568 / Math.max(width, height), Math.sqrt(1_150_000 / (width * height)))
  const anthropic = Math.ceil((width * fit * (height * fit)) / 750)
  // Gemini: 258 for an image within 384×384, else 258 for each 768×768 tile.
  const gemini = width <= 384 && height <= 384 ? 258 : 258 * Math.ceil(width / 768) * Math.ceil(height / 768)
  return Math.max(openAi, patches, anthropic, gemini)
}

function openAiTiles(width: number, height: number): number {
  let scale = Math.min(1, 2048 / Math.max(width, height))
  scale *= Math.min(1, 768 / (Math.min(width, height) * scale))
  return Math.ceil((width * scale) / 512) * Math.ceil((height * scale) / 512)
}

function imageDimensions(url: string): { width: number; height: number } {
  const match = /^data:[^,]*;base64,/i.exec(url)
  if (match) {
    try {
      const { width, height } = imageSize(Buffer.from(url.slice(match[0].length), 'base64'))
      if (width > 0 && height > 0) return { width, height }
    } catch {
      // Not an image format image-size knows: count it as a large one.
    }
  }
  return { width: UNKNOWN_SIDE, height: UNKNOWN_SIDE }
}
