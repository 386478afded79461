import type { InvocationRecord } from '../../gateway/invocation-record'

// A call as the gateway hands it to the metering writer, for tests that meter calls for real:
// a plain 200 with no money, every field overridable.

let seq = 0

export function testInvocationRecord(overrides: Partial<InvocationRecord> = {}): InvocationRecord {
  return {
    requestId: `req-test-${++seq}-${Math.random().toString(36).slice(2, 8)}`,
    createdAt: Date.now(),
    ownerTeamId: 'team_owner',
    consumerTeamId: 'team_consumer',
    apiId: 'api_1',
    versionId: 'ver_1',
    keyId: null,
    subscriptionId: null,
    method: 'GET',
    path: '/gw/a/b/v1/x',
    status: 200,
    errorCode: null,
    latencyMs: 3,
    upstreamMs: 2,
    requestBytes: 0,
    responseBytes: 10,
    inputTokens: 0,
    outputTokens: 0,
    costMicros: 0n,
    incidentId: null,
    planId: null,
    billable: false,
    blockedMicros: 0n,
    chargeLabel: null,
    ...overrides,
  }
}
