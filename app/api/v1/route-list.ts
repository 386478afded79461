// The official list of /api/v1 routes: every route handler, with its method and path template.
// The OpenAPI document is built from it and a test checks it against the route files, so no
// route can exist without being listed (and documented), nor be listed without existing.
import type { ManagementRouteHandler } from '@/lib/management-api/management-route'
import * as apisApiPlansPlanArchiveRoute from './teams/[team]/apis/[api]/plans/[plan]/archive/route'
import * as apisApiPlansPlanRoute from './teams/[team]/apis/[api]/plans/[plan]/route'
import * as apisApiPlansRoute from './teams/[team]/apis/[api]/plans/route'
import * as apisApiRoute from './teams/[team]/apis/[api]/route'
import * as apisApiVersionsVersionDeprecateRoute from './teams/[team]/apis/[api]/versions/[version]/deprecate/route'
import * as apisApiVersionsVersionPublishRoute from './teams/[team]/apis/[api]/versions/[version]/publish/route'
import * as apisApiVersionsVersionRetireRoute from './teams/[team]/apis/[api]/versions/[version]/retire/route'
import * as apisApiVersionsVersionRoute from './teams/[team]/apis/[api]/versions/[version]/route'
import * as apisApiVersionsRoute from './teams/[team]/apis/[api]/versions/route'
import * as apisRoute from './teams/[team]/apis/route'
import * as billingAccountRoute from './teams/[team]/billing/account/route'
import * as billingLedgerRoute from './teams/[team]/billing/ledger/route'
import * as billingStatementsMonthRoute from './teams/[team]/billing/statements/[month]/route'
import * as callsRoute from './teams/[team]/calls/route'
import * as incidentsIncidentResolveRoute from './teams/[team]/incidents/[incident]/resolve/route'
import * as incidentsRoute from './teams/[team]/incidents/route'
import * as keysKeyRevokeRoute from './teams/[team]/keys/[key]/revoke/route'
import * as keysKeyRotateRoute from './teams/[team]/keys/[key]/rotate/route'
import * as keysRoute from './teams/[team]/keys/route'
import * as subscriptionsSubscriptionApproveRoute from './teams/[team]/subscriptions/[subscription]/approve/route'
import * as subscriptionsSubscriptionCancelRoute from './teams/[team]/subscriptions/[subscription]/cancel/route'
import * as subscriptionsSubscriptionRejectRoute from './teams/[team]/subscriptions/[subscription]/reject/route'
import * as subscriptionsSubscriptionSuspendRoute from './teams/[team]/subscriptions/[subscription]/suspend/route'
import * as subscriptionsRoute from './teams/[team]/subscriptions/route'

export type ManagementRouteEntry = { method: 'GET' | 'POST' | 'PATCH'; path: string; handler: ManagementRouteHandler }

export const MANAGEMENT_ROUTES: ManagementRouteEntry[] = [
  {
    method: 'POST',
    path: '/api/v1/teams/{team}/apis/{api}/plans/{plan}/archive',
    handler: apisApiPlansPlanArchiveRoute.POST,
  },
  { method: 'GET', path: '/api/v1/teams/{team}/apis/{api}/plans/{plan}', handler: apisApiPlansPlanRoute.GET },
  { method: 'PATCH', path: '/api/v1/teams/{team}/apis/{api}/plans/{plan}', handler: apisApiPlansPlanRoute.PATCH },
  { method: 'GET', path: '/api/v1/teams/{team}/apis/{api}/plans', handler: apisApiPlansRoute.GET },
  { method: 'POST', path: '/api/v1/teams/{team}/apis/{api}/plans', handler: apisApiPlansRoute.POST },
  { method: 'GET', path: '/api/v1/teams/{team}/apis/{api}', handler: apisApiRoute.GET },
  { method: 'PATCH', path: '/api/v1/teams/{team}/apis/{api}', handler: apisApiRoute.PATCH },
  {
    method: 'POST',
    path: '/api/v1/teams/{team}/apis/{api}/versions/{version}/deprecate',
    handler: apisApiVersionsVersionDeprecateRoute.POST,
  },
  {
    method: 'POST',
    path: '/api/v1/teams/{team}/apis/{api}/versions/{version}/publish',
    handler: apisApiVersionsVersionPublishRoute.POST,
  },
  {
    method: 'POST',
    path: '/api/v1/teams/{team}/apis/{api}/versions/{version}/retire',
    handler: apisApiVersionsVersionRetireRoute.POST,
  },
  {
    method: 'GET',
    path: '/api/v1/teams/{team}/apis/{api}/versions/{version}',
    handler: apisApiVersionsVersionRoute.GET,
  },
  { method: 'GET', path: '/api/v1/teams/{team}/apis/{api}/versions', handler: apisApiVersionsRoute.GET },
  { method: 'POST', path: '/api/v1/teams/{team}/apis/{api}/versions', handler: apisApiVersionsRoute.POST },
  { method: 'GET', path: '/api/v1/teams/{team}/apis', handler: apisRoute.GET },
  { method: 'POST', path: '/api/v1/teams/{team}/apis', handler: apisRoute.POST },
  { method: 'GET', path: '/api/v1/teams/{team}/billing/account', handler: billingAccountRoute.GET },
  { method: 'GET', path: '/api/v1/teams/{team}/billing/ledger', handler: billingLedgerRoute.GET },
  { method: 'GET', path: '/api/v1/teams/{team}/billing/statements/{month}', handler: billingStatementsMonthRoute.GET },
  { method: 'GET', path: '/api/v1/teams/{team}/calls', handler: callsRoute.GET },
  {
    method: 'POST',
    path: '/api/v1/teams/{team}/incidents/{incident}/resolve',
    handler: incidentsIncidentResolveRoute.POST,
  },
  { method: 'GET', path: '/api/v1/teams/{team}/incidents', handler: incidentsRoute.GET },
  { method: 'POST', path: '/api/v1/teams/{team}/keys/{key}/revoke', handler: keysKeyRevokeRoute.POST },
  { method: 'POST', path: '/api/v1/teams/{team}/keys/{key}/rotate', handler: keysKeyRotateRoute.POST },
  { method: 'GET', path: '/api/v1/teams/{team}/keys', handler: keysRoute.GET },
  { method: 'POST', path: '/api/v1/teams/{team}/keys', handler: keysRoute.POST },
  {
    method: 'POST',
    path: '/api/v1/teams/{team}/subscriptions/{subscription}/approve',
    handler: subscriptionsSubscriptionApproveRoute.POST,
  },
  {
    method: 'POST',
    path: '/api/v1/teams/{team}/subscriptions/{subscription}/cancel',
    handler: subscriptionsSubscriptionCancelRoute.POST,
  },
  {
    method: 'POST',
    path: '/api/v1/teams/{team}/subscriptions/{subscription}/reject',
    handler: subscriptionsSubscriptionRejectRoute.POST,
  },
  {
    method: 'POST',
    path: '/api/v1/teams/{team}/subscriptions/{subscription}/suspend',
    handler: subscriptionsSubscriptionSuspendRoute.POST,
  },
  { method: 'GET', path: '/api/v1/teams/{team}/subscriptions', handler: subscriptionsRoute.GET },
  { method: 'POST', path: '/api/v1/teams/{team}/subscriptions', handler: subscriptionsRoute.POST },
]
