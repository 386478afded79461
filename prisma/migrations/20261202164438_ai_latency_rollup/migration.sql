-- CreateTable
CREATE TABLE "AiLatencyRollup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "hour" DATETIME NOT NULL,
    "ownerTeamId" TEXT NOT NULL,
    "consumerTeamId" TEXT NOT NULL,
    "apiId" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "bucketMs" INTEGER NOT NULL,
    "latencyCalls" INTEGER NOT NULL DEFAULT 0,
    "ttftCalls" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "AiLatencyRollup_ownerTeamId_hour_idx" ON "AiLatencyRollup"("ownerTeamId", "hour");

-- CreateIndex
CREATE INDEX "AiLatencyRollup_consumerTeamId_hour_idx" ON "AiLatencyRollup"("consumerTeamId", "hour");

-- CreateIndex
CREATE UNIQUE INDEX "AiLatencyRollup_hour_ownerTeamId_consumerTeamId_apiId_model_provider_bucketMs_key" ON "AiLatencyRollup"("hour", "ownerTeamId", "consumerTeamId", "apiId", "model", "provider", "bucketMs");
