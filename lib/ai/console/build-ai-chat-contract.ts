import { errorResponse, PROBLEM_SCHEMA } from '../contract-parts'

// The contract of an AI_CHAT version: the subset of OpenAI's Chat Completions API (and Anthropic's
// Messages API as a second way in) that the gateway serves, with the exposed model names as an
// enum. Stored as the version's `openapi`, so the catalog reference, the diff (a removed model is
// a breaking enum change), the publish checks and try-it treat it like any other contract.
// Embedding models add POST /embeddings (build-embeddings-contract.ts); a version that exposes
// only embedding models has no chat paths.

import { embeddingsContract } from './build-embeddings-contract'

export type AiChatContractInput = {
  apiName: string
  version: string
  /** Exposed chat model names, in the order the design lists them. */
  models: string[]
  /** Exposed embedding model names, served at POST /embeddings. */
  embeddingModels?: string[]
  defaultModel: string
}

const ERRORS = {
  '400': errorResponse('The request is malformed, or asks for a feature the model cannot serve'),
  '401': errorResponse('No key, or an unknown key'),
  '402': errorResponse('Payment required: the balance, budget or payment method does not cover the call'),
  '403': errorResponse('The key’s team is not subscribed'),
  '404': errorResponse('Unknown model'),
  '429': errorResponse('Requests or tokens per minute exceeded; see Retry-After'),
  '502': errorResponse('Every provider in the route failed'),
}

/** What every answer says about who served it and what it cost. */
const servedHeaders = (cost: string) => ({
  'X-Tollgate-Model': { schema: { type: 'string' }, description: 'The provider model that served' },
  'X-Tollgate-Provider': { schema: { type: 'string' }, description: 'The provider that served' },
  'X-Tollgate-Cost': { schema: { type: 'string' }, description: cost },
})

export function buildAiChatContract({
  apiName,
  version,
  models,
  embeddingModels = [],
  defaultModel,
}: AiChatContractInput) {
  const allModels = [...models, ...embeddingModels]
  const modelSchema = { type: 'string', enum: models, default: defaultModel, description: 'An exposed model' }
  const document = {
    openapi: '3.1.0',
    info: {
      title: apiName,
      version,
      description:
        'An OpenAI-compatible chat endpoint. Point the official OpenAI SDK at ' +
        'this version’s gateway URL as its baseURL. Models: ' +
        allModels.join(', ') +
        ` (default ${defaultModel}).`,
    },
    paths: {
      '/chat/completions': {
        post: {
          operationId: 'createChatCompletion',
          tags: ['Chat'],
          summary: 'Create a chat completion',
          description:
            'OpenAI Chat Completions format. With `stream: true` the answer is server-sent events ending in ' +
            '`data: [DONE]`; the final usage chunk carries `usage.cost`. Non-streamed answers carry X-Tollgate-Cost.',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ChatCompletionRequest' } } },
          },
          responses: {
            '200': {
              description: 'The completion, or its stream',
              headers: servedHeaders('What the call cost (non-streamed)'),
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/ChatCompletion' } },
                'text/event-stream': { schema: { type: 'string', description: 'chat.completion.chunk events' } },
              },
            },
            ...ERRORS,
          },
        },
      },
      '/models': {
        get: {
          operationId: 'listModels',
          tags: ['Models'],
          summary: 'List the models this version exposes',
          responses: {
            '200': {
              description: 'The exposed models',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/ModelList' } } },
            },
            '401': ERRORS['401'],
            '403': ERRORS['403'],
          },
        },
      },
      '/messages': {
        post: {
          operationId: 'createMessage',
          tags: ['Messages'],
          summary: 'Create a message (Anthropic Messages format)',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/MessagesRequest' } } },
          },
          responses: {
            '200': {
              description: 'The message, or its event stream',
              content: {
                'application/json': { schema: { type: 'object', additionalProperties: true } },
                'text/event-stream': { schema: { type: 'string' } },
              },
            },
            ...ERRORS,
          },
        },
      },
    },
    tags: [
      { name: 'Chat', description: 'OpenAI Chat Completions format' },
      { name: 'Models', description: 'The models this version exposes' },
      { name: 'Messages', description: 'Anthropic Messages format, over the same models and routes' },
    ],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A Tollgate key (tg_…)' } },
      schemas: {
        ChatMessage: {
          type: 'object',
          required: ['role'],
          properties: {
            role: { type: 'string', enum: ['system', 'developer', 'user', 'assistant', 'tool'] },
            content: {
              oneOf: [
                { type: 'string' },
                { type: 'array', items: { type: 'object', additionalProperties: true } },
                { type: 'null' },
              ],
            },
            name: { type: 'string' },
            tool_call_id: { type: 'string' },
            tool_calls: { type: 'array', items: { type: 'object', additionalProperties: true } },
          },
        },
        ChatCompletionRequest: {
          type: 'object',
          required: ['model', 'messages'],
          properties: {
            model: modelSchema,
            messages: { type: 'array', minItems: 1, items: { $ref: '#/components/schemas/ChatMessage' } },
            stream: { type: 'boolean', default: false },
            stream_options: { type: 'object', properties: { include_usage: { type: 'boolean' } } },
            max_tokens: { type: 'integer', minimum: 1 },
            max_completion_tokens: { type: 'integer', minimum: 1 },
            temperature: { type: 'number', minimum: 0, maximum: 2 },
            top_p: { type: 'number', minimum: 0, maximum: 1 },
            stop: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
            tools: { type: 'array', items: { type: 'object', additionalProperties: true } },
            tool_choice: { oneOf: [{ type: 'string' }, { type: 'object', additionalProperties: true }] },
            response_format: { type: 'object', additionalProperties: true },
            user: { type: 'string' },
            seed: { type: 'integer' },
          },
        },
        Usage: {
          type: 'object',
          properties: {
            prompt_tokens: { type: 'integer' },
            completion_tokens: { type: 'integer' },
            total_tokens: { type: 'integer' },
            cost: { type: 'string', description: 'Exact decimal, on the final chunk of a stream' },
          },
        },
        ChatCompletion: {
          type: 'object',
          required: ['id', 'object', 'created', 'model', 'choices'],
          properties: {
            id: { type: 'string' },
            object: { type: 'string', const: 'chat.completion' },
            created: { type: 'integer' },
            model: { type: 'string' },
            choices: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  index: { type: 'integer' },
                  message: { $ref: '#/components/schemas/ChatMessage' },
                  finish_reason: { type: ['string', 'null'] },
                },
              },
            },
            usage: { $ref: '#/components/schemas/Usage' },
          },
        },
        ModelList: {
          type: 'object',
          properties: {
            object: { type: 'string', const: 'list' },
            data: {
              type: 'array',
              items: {
                type: 'object',
                properties: { id: { type: 'string', enum: allModels }, object: { type: 'string', const: 'model' } },
              },
            },
          },
        },
        MessagesRequest: {
          type: 'object',
          required: ['model', 'messages', 'max_tokens'],
          properties: {
            model: modelSchema,
            max_tokens: { type: 'integer', minimum: 1 },
            system: {
              oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'object', additionalProperties: true } }],
            },
            messages: { type: 'array', minItems: 1, items: { type: 'object', additionalProperties: true } },
            stream: { type: 'boolean' },
          },
        },
        Problem: PROBLEM_SCHEMA,
      },
    },
    security: [{ bearer: [] }],
  }
  const paths: Record<string, unknown> = { ...document.paths }
  const schemas: Record<string, unknown> = { ...document.components.schemas }
  let tags: { name: string; description: string }[] = document.tags
  if (models.length === 0) {
    // Embedding models only: there is no chat endpoint to describe.
    delete paths['/chat/completions']
    delete paths['/messages']
    for (const name of ['ChatMessage', 'ChatCompletionRequest', 'ChatCompletion', 'Usage', 'MessagesRequest'])
      delete schemas[name]
    tags = tags.filter((tag) => tag.name === 'Models')
  }
  if (embeddingModels.length > 0) {
    const embeddings = embeddingsContract(embeddingModels, defaultModel, {
      errors: ERRORS,
      headers: servedHeaders('What the call cost'),
    })
    Object.assign(paths, embeddings.paths)
    Object.assign(schemas, embeddings.schemas)
    tags = [...tags, embeddings.tag]
  }
  const components = { ...document.components, schemas }
  return JSON.stringify({ ...document, paths, components, tags }, null, 2)
}
