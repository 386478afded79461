-- AlterTable
ALTER TABLE "Plan" ADD COLUMN "tokensPerMinute" INTEGER;

-- CreateTable
CREATE TABLE "AiProvider" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "baseUrl" TEXT NOT NULL,
    "apiKeyEnc" TEXT,
    "keyHint" TEXT,
    "headersEnc" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AiProvider_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AiModel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "providerModel" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'CHAT',
    "inputMicrosPerM" BIGINT NOT NULL DEFAULT 0,
    "outputMicrosPerM" BIGINT NOT NULL DEFAULT 0,
    "cachedInputMicrosPerM" BIGINT,
    "contextWindow" INTEGER NOT NULL,
    "maxOutputTokens" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AiModel_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "AiProvider" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AiVersionModel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "strategy" TEXT NOT NULL DEFAULT 'FALLBACK',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AiVersionModel_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ApiVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AiRouteTarget" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "versionModelId" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "weight" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AiRouteTarget_versionModelId_fkey" FOREIGN KEY ("versionModelId") REFERENCES "AiVersionModel" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AiRouteTarget_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "AiModel" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AiUsageRollup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "hour" DATETIME NOT NULL,
    "ownerTeamId" TEXT NOT NULL,
    "consumerTeamId" TEXT NOT NULL,
    "apiId" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "calls" INTEGER NOT NULL DEFAULT 0,
    "inputTokens" INTEGER NOT NULL DEFAULT 0,
    "outputTokens" INTEGER NOT NULL DEFAULT 0,
    "costMicros" BIGINT NOT NULL DEFAULT 0,
    "estimatedCalls" INTEGER NOT NULL DEFAULT 0,
    "fallbackCalls" INTEGER NOT NULL DEFAULT 0,
    "failedCalls" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Invocation" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "latencyMs" REAL NOT NULL,
    "upstreamMs" REAL,
    "requestBytes" INTEGER NOT NULL DEFAULT 0,
    "responseBytes" INTEGER NOT NULL DEFAULT 0,
    "inputTokens" INTEGER NOT NULL DEFAULT 0,
    "outputTokens" INTEGER NOT NULL DEFAULT 0,
    "costMicros" BIGINT NOT NULL DEFAULT 0,
    "incidentId" TEXT,
    "model" TEXT,
    "provider" TEXT,
    "usageEstimated" BOOLEAN NOT NULL DEFAULT false,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "ttftMs" REAL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Invocation" ("apiId", "consumerTeamId", "costMicros", "createdAt", "errorCode", "id", "incidentId", "inputTokens", "keyId", "latencyMs", "method", "outputTokens", "ownerTeamId", "path", "requestBytes", "requestId", "responseBytes", "status", "subscriptionId", "updatedAt", "upstreamMs", "versionId") SELECT "apiId", "consumerTeamId", "costMicros", "createdAt", "errorCode", "id", "incidentId", "inputTokens", "keyId", "latencyMs", "method", "outputTokens", "ownerTeamId", "path", "requestBytes", "requestId", "responseBytes", "status", "subscriptionId", "updatedAt", "upstreamMs", "versionId" FROM "Invocation";
DROP TABLE "Invocation";
ALTER TABLE "new_Invocation" RENAME TO "Invocation";
CREATE UNIQUE INDEX "Invocation_requestId_key" ON "Invocation"("requestId");
CREATE INDEX "Invocation_ownerTeamId_createdAt_idx" ON "Invocation"("ownerTeamId", "createdAt");
CREATE INDEX "Invocation_consumerTeamId_createdAt_idx" ON "Invocation"("consumerTeamId", "createdAt");
CREATE INDEX "Invocation_apiId_createdAt_idx" ON "Invocation"("apiId", "createdAt");
CREATE INDEX "Invocation_keyId_idx" ON "Invocation"("keyId");
CREATE INDEX "Invocation_incidentId_idx" ON "Invocation"("incidentId");
CREATE INDEX "Invocation_createdAt_idx" ON "Invocation"("createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "AiProvider_teamId_name_key" ON "AiProvider"("teamId", "name");

-- CreateIndex
CREATE INDEX "AiModel_providerId_idx" ON "AiModel"("providerId");

-- CreateIndex
CREATE UNIQUE INDEX "AiModel_teamId_name_key" ON "AiModel"("teamId", "name");

-- CreateIndex
CREATE INDEX "AiVersionModel_teamId_idx" ON "AiVersionModel"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "AiVersionModel_versionId_name_key" ON "AiVersionModel"("versionId", "name");

-- CreateIndex
CREATE INDEX "AiRouteTarget_modelId_idx" ON "AiRouteTarget"("modelId");

-- CreateIndex
CREATE UNIQUE INDEX "AiRouteTarget_versionModelId_position_key" ON "AiRouteTarget"("versionModelId", "position");

-- CreateIndex
CREATE INDEX "AiUsageRollup_ownerTeamId_hour_idx" ON "AiUsageRollup"("ownerTeamId", "hour");

-- CreateIndex
CREATE INDEX "AiUsageRollup_consumerTeamId_hour_idx" ON "AiUsageRollup"("consumerTeamId", "hour");

-- CreateIndex
CREATE UNIQUE INDEX "AiUsageRollup_hour_ownerTeamId_consumerTeamId_apiId_model_provider_key" ON "AiUsageRollup"("hour", "ownerTeamId", "consumerTeamId", "apiId", "model", "provider");
