-- DropIndex
DROP INDEX "AiLatencyRollup_consumerTeamId_hour_idx";

-- DropIndex
DROP INDEX "AiLatencyRollup_ownerTeamId_hour_idx";

-- DropIndex
DROP INDEX "AiUsageRollup_consumerTeamId_hour_idx";

-- DropIndex
DROP INDEX "AiUsageRollup_ownerTeamId_hour_idx";

-- CreateIndex
CREATE INDEX "AiLatencyRollup_ownerTeamId_hour_model_provider_bucketMs_latencyCalls_ttftCalls_idx" ON "AiLatencyRollup"("ownerTeamId", "hour", "model", "provider", "bucketMs", "latencyCalls", "ttftCalls");

-- CreateIndex
CREATE INDEX "AiLatencyRollup_consumerTeamId_hour_ownerTeamId_model_provider_bucketMs_latencyCalls_ttftCalls_idx" ON "AiLatencyRollup"("consumerTeamId", "hour", "ownerTeamId", "model", "provider", "bucketMs", "latencyCalls", "ttftCalls");

-- CreateIndex
CREATE INDEX "AiUsageRollup_ownerTeamId_hour_model_provider_consumerTeamId_apiId_calls_inputTokens_outputTokens_costMicros_estimatedCalls_fallbackCalls_failedCalls_idx" ON "AiUsageRollup"("ownerTeamId", "hour", "model", "provider", "consumerTeamId", "apiId", "calls", "inputTokens", "outputTokens", "costMicros", "estimatedCalls", "fallbackCalls", "failedCalls");

-- CreateIndex
CREATE INDEX "AiUsageRollup_consumerTeamId_hour_ownerTeamId_model_provider_apiId_calls_inputTokens_outputTokens_costMicros_estimatedCalls_fallbackCalls_failedCalls_idx" ON "AiUsageRollup"("consumerTeamId", "hour", "ownerTeamId", "model", "provider", "apiId", "calls", "inputTokens", "outputTokens", "costMicros", "estimatedCalls", "fallbackCalls", "failedCalls");
