-- CreateEnum
CREATE TYPE "Role" AS ENUM ('OWNER', 'ADMIN', 'MEMBER', 'VIEWER');

-- CreateEnum
CREATE TYPE "ApiKind" AS ENUM ('REST', 'AI_CHAT', 'AI_PROMPT');

-- CreateEnum
CREATE TYPE "Visibility" AS ENUM ('PRIVATE', 'INTERNAL');

-- CreateEnum
CREATE TYPE "VersionState" AS ENUM ('DRAFT', 'PUBLISHED', 'DEPRECATED', 'RETIRED');

-- CreateEnum
CREATE TYPE "ApprovalMode" AS ENUM ('AUTO', 'MANUAL');

-- CreateEnum
CREATE TYPE "RateWindow" AS ENUM ('SECOND', 'MINUTE');

-- CreateEnum
CREATE TYPE "SubscriptionState" AS ENUM ('PENDING', 'ACTIVE', 'REJECTED', 'SUSPENDED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "PaymentMethodStatus" AS ENUM ('NONE', 'VALID', 'EXPIRED', 'FAILED');

-- CreateEnum
CREATE TYPE "LedgerKind" AS ENUM ('TOP_UP', 'CHARGE', 'REFUND', 'ADJUSTMENT');

-- CreateEnum
CREATE TYPE "PaymentCause" AS ENUM ('insufficient_balance', 'budget_exceeded', 'payment_method_failed', 'quota_exhausted', 'upstream_payment_required');

-- CreateEnum
CREATE TYPE "IncidentState" AS ENUM ('OPEN', 'RESOLVED');

-- CreateEnum
CREATE TYPE "DeliveryState" AS ENUM ('PENDING', 'DELIVERED', 'FAILED');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Team" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "contactEmail" TEXT,
    "webhookUrl" TEXT,
    "webhookSecretEnc" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invite" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "email" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Invite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Api" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "kind" "ApiKind" NOT NULL DEFAULT 'REST',
    "visibility" "Visibility" NOT NULL DEFAULT 'INTERNAL',
    "searchText" TEXT NOT NULL DEFAULT '',
    "state" "VersionState" NOT NULL DEFAULT 'DRAFT',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Api_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiTag" (
    "id" TEXT NOT NULL,
    "apiId" TEXT NOT NULL,
    "tag" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ApiTag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiVersion" (
    "id" TEXT NOT NULL,
    "apiId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "major" INTEGER NOT NULL,
    "state" "VersionState" NOT NULL DEFAULT 'DRAFT',
    "openapi" TEXT NOT NULL,
    "upstreamUrl" TEXT NOT NULL,
    "timeoutMs" INTEGER NOT NULL DEFAULT 30000,
    "publishedAt" TIMESTAMP(3),
    "deprecatedAt" TIMESTAMP(3),
    "sunsetAt" TIMESTAMP(3),
    "retiredAt" TIMESTAMP(3),
    "successorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ApiVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LifecycleEvent" (
    "id" TEXT NOT NULL,
    "apiId" TEXT NOT NULL,
    "versionId" TEXT,
    "teamId" TEXT NOT NULL,
    "actorId" TEXT,
    "actorEmail" TEXT,
    "fromState" "VersionState",
    "toState" "VersionState",
    "action" TEXT NOT NULL,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LifecycleEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Plan" (
    "id" TEXT NOT NULL,
    "apiId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "rateLimit" INTEGER,
    "rateWindow" "RateWindow" NOT NULL DEFAULT 'MINUTE',
    "approval" "ApprovalMode" NOT NULL DEFAULT 'AUTO',
    "paid" BOOLEAN NOT NULL DEFAULT false,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "pricePerCallMicros" BIGINT NOT NULL DEFAULT 0,
    "pricePerMInputMicros" BIGINT NOT NULL DEFAULT 0,
    "pricePerMOutputMicros" BIGINT NOT NULL DEFAULT 0,
    "freeCallsPerMonth" INTEGER NOT NULL DEFAULT 0,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Subscription" (
    "id" TEXT NOT NULL,
    "apiId" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "ownerTeamId" TEXT NOT NULL,
    "consumerTeamId" TEXT NOT NULL,
    "state" "SubscriptionState" NOT NULL DEFAULT 'PENDING',
    "reason" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Subscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "env" TEXT NOT NULL DEFAULT 'live',
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "scopes" TEXT NOT NULL DEFAULT '[]',
    "expiresAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "graceEndsAt" TIMESTAMP(3),
    "replacedById" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKeySubscription" (
    "id" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ApiKeySubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ManagementToken" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'MEMBER',
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ManagementToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConfigVersion" (
    "id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConfigVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BillingAccount" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "balanceMicros" BIGINT NOT NULL DEFAULT 0,
    "creditLimitMicros" BIGINT NOT NULL DEFAULT 0,
    "monthlyBudgetMicros" BIGINT,
    "alertThresholds" TEXT NOT NULL DEFAULT '80,100',
    "paymentMethodStatus" "PaymentMethodStatus" NOT NULL DEFAULT 'NONE',
    "paymentMethodLabel" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BillingAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerEntry" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "kind" "LedgerKind" NOT NULL,
    "amountMicros" BIGINT NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "idempotencyKey" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "apiId" TEXT,
    "planId" TEXT,
    "invocationId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LedgerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubscriptionUsage" (
    "id" TEXT NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "calls" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SubscriptionUsage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BudgetAlert" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "threshold" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BudgetAlert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentIncident" (
    "id" TEXT NOT NULL,
    "consumerTeamId" TEXT NOT NULL,
    "ownerTeamId" TEXT NOT NULL,
    "apiId" TEXT NOT NULL,
    "cause" "PaymentCause" NOT NULL,
    "state" "IncidentState" NOT NULL DEFAULT 'OPEN',
    "firstSeenAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "blockedCalls" INTEGER NOT NULL DEFAULT 0,
    "blockedRevenueMicros" BIGINT NOT NULL DEFAULT 0,
    "resolvedAt" TIMESTAMP(3),
    "resolution" TEXT,
    "resolvedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PaymentIncident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "link" TEXT,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "state" "DeliveryState" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL,
    "lastStatusCode" INTEGER,
    "lastError" TEXT,
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invocation" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "ownerTeamId" TEXT,
    "consumerTeamId" TEXT,
    "apiId" TEXT,
    "versionId" TEXT,
    "keyId" TEXT,
    "subscriptionId" TEXT,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "errorCode" TEXT,
    "latencyMs" DOUBLE PRECISION NOT NULL,
    "upstreamMs" DOUBLE PRECISION,
    "requestBytes" INTEGER NOT NULL DEFAULT 0,
    "responseBytes" INTEGER NOT NULL DEFAULT 0,
    "inputTokens" INTEGER NOT NULL DEFAULT 0,
    "outputTokens" INTEGER NOT NULL DEFAULT 0,
    "costMicros" BIGINT NOT NULL DEFAULT 0,
    "incidentId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Invocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UsageRollup" (
    "id" TEXT NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "ownerTeamId" TEXT NOT NULL,
    "consumerTeamId" TEXT NOT NULL,
    "apiId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "statusClass" INTEGER NOT NULL,
    "calls" INTEGER NOT NULL DEFAULT 0,
    "blocked402" INTEGER NOT NULL DEFAULT 0,
    "latencySumMs" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "costMicros" BIGINT NOT NULL DEFAULT 0,
    "inputTokens" INTEGER NOT NULL DEFAULT 0,
    "outputTokens" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UsageRollup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LatencyRollup" (
    "id" TEXT NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "ownerTeamId" TEXT NOT NULL,
    "consumerTeamId" TEXT NOT NULL,
    "apiId" TEXT NOT NULL,
    "bucketMs" INTEGER NOT NULL,
    "calls" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LatencyRollup_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Team_slug_key" ON "Team"("slug");

-- CreateIndex
CREATE INDEX "Membership_userId_idx" ON "Membership"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_teamId_userId_key" ON "Membership"("teamId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Invite_tokenHash_key" ON "Invite"("tokenHash");

-- CreateIndex
CREATE INDEX "Invite_teamId_idx" ON "Invite"("teamId");

-- CreateIndex
CREATE INDEX "LoginAttempt_email_createdAt_idx" ON "LoginAttempt"("email", "createdAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_ip_createdAt_idx" ON "LoginAttempt"("ip", "createdAt");

-- CreateIndex
CREATE INDEX "Api_visibility_state_updatedAt_idx" ON "Api"("visibility", "state", "updatedAt");

-- CreateIndex
CREATE INDEX "Api_teamId_createdAt_idx" ON "Api"("teamId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Api_teamId_slug_key" ON "Api"("teamId", "slug");

-- CreateIndex
CREATE INDEX "ApiTag_tag_idx" ON "ApiTag"("tag");

-- CreateIndex
CREATE UNIQUE INDEX "ApiTag_apiId_tag_key" ON "ApiTag"("apiId", "tag");

-- CreateIndex
CREATE INDEX "ApiVersion_teamId_createdAt_idx" ON "ApiVersion"("teamId", "createdAt");

-- CreateIndex
CREATE INDEX "ApiVersion_successorId_idx" ON "ApiVersion"("successorId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiVersion_apiId_version_key" ON "ApiVersion"("apiId", "version");

-- CreateIndex
CREATE INDEX "LifecycleEvent_apiId_createdAt_idx" ON "LifecycleEvent"("apiId", "createdAt");

-- CreateIndex
CREATE INDEX "LifecycleEvent_versionId_idx" ON "LifecycleEvent"("versionId");

-- CreateIndex
CREATE INDEX "LifecycleEvent_teamId_createdAt_idx" ON "LifecycleEvent"("teamId", "createdAt");

-- CreateIndex
CREATE INDEX "Plan_teamId_idx" ON "Plan"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "Plan_apiId_name_key" ON "Plan"("apiId", "name");

-- CreateIndex
CREATE INDEX "Subscription_apiId_idx" ON "Subscription"("apiId");

-- CreateIndex
CREATE INDEX "Subscription_planId_idx" ON "Subscription"("planId");

-- CreateIndex
CREATE INDEX "Subscription_ownerTeamId_state_idx" ON "Subscription"("ownerTeamId", "state");

-- CreateIndex
CREATE INDEX "Subscription_consumerTeamId_state_idx" ON "Subscription"("consumerTeamId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_hash_key" ON "ApiKey"("hash");

-- CreateIndex
CREATE INDEX "ApiKey_teamId_createdAt_idx" ON "ApiKey"("teamId", "createdAt");

-- CreateIndex
CREATE INDEX "ApiKeySubscription_subscriptionId_idx" ON "ApiKeySubscription"("subscriptionId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKeySubscription_keyId_subscriptionId_key" ON "ApiKeySubscription"("keyId", "subscriptionId");

-- CreateIndex
CREATE UNIQUE INDEX "ManagementToken_hash_key" ON "ManagementToken"("hash");

-- CreateIndex
CREATE INDEX "ManagementToken_teamId_createdAt_idx" ON "ManagementToken"("teamId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "BillingAccount_teamId_key" ON "BillingAccount"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerEntry_idempotencyKey_key" ON "LedgerEntry"("idempotencyKey");

-- CreateIndex
CREATE INDEX "LedgerEntry_teamId_createdAt_idx" ON "LedgerEntry"("teamId", "createdAt");

-- CreateIndex
CREATE INDEX "LedgerEntry_apiId_idx" ON "LedgerEntry"("apiId");

-- CreateIndex
CREATE UNIQUE INDEX "SubscriptionUsage_subscriptionId_month_key" ON "SubscriptionUsage"("subscriptionId", "month");

-- CreateIndex
CREATE UNIQUE INDEX "BudgetAlert_teamId_month_threshold_key" ON "BudgetAlert"("teamId", "month", "threshold");

-- CreateIndex
CREATE INDEX "PaymentIncident_consumerTeamId_state_lastSeenAt_idx" ON "PaymentIncident"("consumerTeamId", "state", "lastSeenAt");

-- CreateIndex
CREATE INDEX "PaymentIncident_ownerTeamId_state_lastSeenAt_idx" ON "PaymentIncident"("ownerTeamId", "state", "lastSeenAt");

-- CreateIndex
CREATE INDEX "PaymentIncident_apiId_idx" ON "PaymentIncident"("apiId");

-- CreateIndex
CREATE INDEX "Notification_teamId_createdAt_idx" ON "Notification"("teamId", "createdAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_teamId_createdAt_idx" ON "WebhookDelivery"("teamId", "createdAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_state_nextAttemptAt_idx" ON "WebhookDelivery"("state", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "Invocation_requestId_key" ON "Invocation"("requestId");

-- CreateIndex
CREATE INDEX "Invocation_ownerTeamId_createdAt_idx" ON "Invocation"("ownerTeamId", "createdAt");

-- CreateIndex
CREATE INDEX "Invocation_consumerTeamId_createdAt_idx" ON "Invocation"("consumerTeamId", "createdAt");

-- CreateIndex
CREATE INDEX "Invocation_apiId_createdAt_idx" ON "Invocation"("apiId", "createdAt");

-- CreateIndex
CREATE INDEX "Invocation_keyId_idx" ON "Invocation"("keyId");

-- CreateIndex
CREATE INDEX "Invocation_incidentId_idx" ON "Invocation"("incidentId");

-- CreateIndex
CREATE INDEX "Invocation_createdAt_idx" ON "Invocation"("createdAt");

-- CreateIndex
CREATE INDEX "UsageRollup_ownerTeamId_hour_idx" ON "UsageRollup"("ownerTeamId", "hour");

-- CreateIndex
CREATE INDEX "UsageRollup_consumerTeamId_hour_idx" ON "UsageRollup"("consumerTeamId", "hour");

-- CreateIndex
CREATE UNIQUE INDEX "UsageRollup_hour_ownerTeamId_consumerTeamId_apiId_versionId_key" ON "UsageRollup"("hour", "ownerTeamId", "consumerTeamId", "apiId", "versionId", "statusClass");

-- CreateIndex
CREATE INDEX "LatencyRollup_ownerTeamId_hour_idx" ON "LatencyRollup"("ownerTeamId", "hour");

-- CreateIndex
CREATE INDEX "LatencyRollup_consumerTeamId_hour_idx" ON "LatencyRollup"("consumerTeamId", "hour");

-- CreateIndex
CREATE UNIQUE INDEX "LatencyRollup_hour_ownerTeamId_consumerTeamId_apiId_bucketM_key" ON "LatencyRollup"("hour", "ownerTeamId", "consumerTeamId", "apiId", "bucketMs");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invite" ADD CONSTRAINT "Invite_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Api" ADD CONSTRAINT "Api_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiTag" ADD CONSTRAINT "ApiTag_apiId_fkey" FOREIGN KEY ("apiId") REFERENCES "Api"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiVersion" ADD CONSTRAINT "ApiVersion_apiId_fkey" FOREIGN KEY ("apiId") REFERENCES "Api"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LifecycleEvent" ADD CONSTRAINT "LifecycleEvent_apiId_fkey" FOREIGN KEY ("apiId") REFERENCES "Api"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LifecycleEvent" ADD CONSTRAINT "LifecycleEvent_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ApiVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_apiId_fkey" FOREIGN KEY ("apiId") REFERENCES "Api"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_apiId_fkey" FOREIGN KEY ("apiId") REFERENCES "Api"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKeySubscription" ADD CONSTRAINT "ApiKeySubscription_keyId_fkey" FOREIGN KEY ("keyId") REFERENCES "ApiKey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKeySubscription" ADD CONSTRAINT "ApiKeySubscription_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "Subscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BillingAccount" ADD CONSTRAINT "BillingAccount_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
