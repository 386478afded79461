// The /embeddings part of an AI_CHAT version's contract (build-ai-chat-contract.ts), present when
// the version exposes embedding models: OpenAI's embeddings request and response, with the
// embedding model names as the enum.

/** The parts the chat contract shares: its error responses and the served-by headers. */
type Shared = { errors: Record<string, unknown>; headers: Record<string, unknown> }

export function embeddingsContract(models: string[], defaultModel: string, { errors, headers }: Shared) {
  const model = {
    type: 'string',
    enum: models,
    ...(models.includes(defaultModel) ? { default: defaultModel } : {}),
    description: 'An exposed embedding model',
  }
  const tokenIds = { type: 'array', minItems: 1, items: { type: 'integer', minimum: 0 } }
  return {
    tag: { name: 'Embeddings', description: 'OpenAI embeddings format, for the embedding models' },
    paths: {
      '/embeddings': {
        post: {
          operationId: 'createEmbeddings',
          tags: ['Embeddings'],
          summary: 'Create embeddings',
          description:
            'OpenAI embeddings format: one text or many (or token-id lists), one vector per input, in order. ' +
            'Billed per input token; the answer carries X-Tollgate-Cost and `usage.cost`.',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/EmbeddingsRequest' } } },
          },
          responses: {
            '200': {
              description: 'The embeddings',
              headers,
              content: { 'application/json': { schema: { $ref: '#/components/schemas/EmbeddingsResponse' } } },
            },
            ...errors,
          },
        },
      },
    },
    schemas: {
      EmbeddingsRequest: {
        type: 'object',
        required: ['model', 'input'],
        properties: {
          model,
          input: {
            description: 'A text, a list of texts, a token-id list, or a list of them (at most 2048)',
            oneOf: [
              { type: 'string', minLength: 1 },
              { type: 'array', minItems: 1, maxItems: 2048, items: { type: 'string', minLength: 1 } },
              tokenIds,
              { type: 'array', minItems: 1, maxItems: 2048, items: tokenIds },
            ],
          },
          encoding_format: {
            type: 'string',
            enum: ['float', 'base64'],
            default: 'float',
            description: 'base64: little-endian float32 values',
          },
          dimensions: { type: 'integer', minimum: 1 },
          user: { type: 'string' },
        },
      },
      EmbeddingsResponse: {
        type: 'object',
        required: ['object', 'data', 'model', 'usage'],
        properties: {
          object: { type: 'string', const: 'list' },
          data: {
            type: 'array',
            items: {
              type: 'object',
              required: ['object', 'index', 'embedding'],
              properties: {
                object: { type: 'string', const: 'embedding' },
                index: { type: 'integer' },
                embedding: { oneOf: [{ type: 'array', items: { type: 'number' } }, { type: 'string' }] },
              },
            },
          },
          model: { type: 'string' },
          usage: {
            type: 'object',
            properties: {
              prompt_tokens: { type: 'integer' },
              total_tokens: { type: 'integer' },
              cost: { type: 'string', description: 'What the call cost, an exact decimal' },
            },
          },
        },
      },
    },
  }
}
