import { errorResponse, PROBLEM_SCHEMA } from '../contract-parts'
import { DEFAULT_VARIABLE_MAX_LENGTH, type PromptDesign, type PromptVariable } from './prompt-schemas'

// The contract of an AI_PROMPT version: one operation, `POST /`, whose request body is the
// version's variables (typed, required as declared, nothing else accepted) and whose answer is the
// output (text, or the output schema's object). Stored as the version's `openapi`, so the catalog
// reference, try-it's generated form, the publish checks and the breaking-change diff read it like
// any other contract: a new required variable, a removed one, a changed type or a narrower enum
// show up as request-side changes.

export type PromptContractInput = {
  apiName: string
  apiDescription: string
  version: string
  design: Pick<PromptDesign, 'variables' | 'outputSchema'>
}

export function variableSchema(variable: PromptVariable): Record<string, unknown> {
  const common = {
    ...(variable.description ? { description: variable.description } : {}),
    ...(variable.default !== undefined ? { default: variable.default } : {}),
  }
  switch (variable.type) {
    case 'string':
      return { type: 'string', maxLength: variable.maxLength ?? DEFAULT_VARIABLE_MAX_LENGTH, ...common }
    case 'number':
      return { type: 'number', ...common }
    case 'boolean':
      return { type: 'boolean', ...common }
    case 'enum':
      return { type: 'string', enum: variable.values ?? [], ...common }
  }
}

export function buildPromptContract({ apiName, apiDescription, version, design }: PromptContractInput): string {
  const required = design.variables.filter((v) => v.required).map((v) => v.name)
  const variables = {
    type: 'object',
    description: 'The prompt’s variables. Each is inserted into the template as data, in its own slot.',
    properties: Object.fromEntries(design.variables.map((v) => [v.name, variableSchema(v)])),
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
  }
  const output = design.outputSchema ?? { type: 'string', description: 'The model’s answer as text' }
  const document = {
    openapi: '3.1.0',
    info: {
      title: apiName,
      version,
      description:
        (apiDescription ? apiDescription + '\n\n' : '') +
        'A prompt published as an API: send the variables, get the model’s answer' +
        (design.outputSchema ? ' as a JSON object that the output schema validates.' : ' as text.'),
    },
    paths: {
      '/': {
        post: {
          operationId: 'runPrompt',
          tags: ['Prompt'],
          summary: `Run ${apiName}`,
          description:
            'With `stream: true` the answer is server-sent events: `delta` events with the text as it ' +
            'comes, then one `done` event with the output, usage and cost.',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/PromptRequest' } } },
          },
          responses: {
            '200': {
              description: 'The answer, or its stream',
              headers: {
                'X-Tollgate-Model': { schema: { type: 'string' }, description: 'The provider model that served' },
                'X-Tollgate-Provider': { schema: { type: 'string' }, description: 'The provider that served' },
                'X-Tollgate-Cost': { schema: { type: 'string' }, description: 'What the call cost (non-streamed)' },
              },
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/PromptResponse' } },
                'text/event-stream': { schema: { type: 'string', description: '`delta` events, then `done`' } },
              },
            },
            '400': errorResponse('A variable is missing, unknown or of the wrong type (each is named)'),
            '401': errorResponse('No key, or an unknown key'),
            '402': errorResponse('Payment required: the balance, budget or payment method does not cover the call'),
            '403': errorResponse('The key’s team is not subscribed'),
            '429': errorResponse('Requests or tokens per minute exceeded; see Retry-After'),
            '502': errorResponse('Every provider failed, or the model’s output did not match the output schema'),
          },
        },
      },
    },
    tags: [{ name: 'Prompt', description: 'Run the prompt with your variables' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A Tollgate key (tg_…)' } },
      schemas: {
        Variables: variables,
        PromptRequest: {
          type: 'object',
          required: ['variables'],
          properties: {
            variables: { $ref: '#/components/schemas/Variables' },
            stream: { type: 'boolean', default: false },
          },
          additionalProperties: false,
        },
        Output: output,
        PromptResponse: {
          type: 'object',
          required: ['output', 'model', 'usage', 'cost'],
          properties: {
            output: { $ref: '#/components/schemas/Output' },
            model: { type: 'string', description: 'The provider model that served' },
            usage: {
              type: 'object',
              properties: {
                input_tokens: { type: 'integer' },
                output_tokens: { type: 'integer' },
                total_tokens: { type: 'integer' },
              },
            },
            cost: { type: 'string', description: 'What the call cost, as a decimal in the plan’s currency' },
          },
        },
        Problem: PROBLEM_SCHEMA,
      },
    },
    security: [{ bearer: [] }],
  }
  return JSON.stringify(document, null, 2)
}
