-- DropIndex
DROP INDEX "LatencyRollup_consumerTeamId_hour_idx";

-- DropIndex
DROP INDEX "LatencyRollup_ownerTeamId_hour_idx";

-- DropIndex
DROP INDEX "UsageRollup_consumerTeamId_hour_idx";

-- DropIndex
DROP INDEX "UsageRollup_ownerTeamId_hour_idx";

-- CreateIndex
CREATE INDEX "Api_visibility_state_name_idx" ON "Api"("visibility", "state", "name");

-- CreateIndex
CREATE INDEX "LatencyRollup_ownerTeamId_hour_bucketMs_calls_idx" ON "LatencyRollup"("ownerTeamId", "hour", "bucketMs", "calls");

-- CreateIndex
CREATE INDEX "LatencyRollup_consumerTeamId_hour_bucketMs_calls_idx" ON "LatencyRollup"("consumerTeamId", "hour", "bucketMs", "calls");

-- CreateIndex
CREATE INDEX "UsageRollup_ownerTeamId_hour_apiId_versionId_statusClass_calls_blocked402_latencySumMs_idx" ON "UsageRollup"("ownerTeamId", "hour", "apiId", "versionId", "statusClass", "calls", "blocked402", "latencySumMs");

-- CreateIndex
CREATE INDEX "UsageRollup_consumerTeamId_hour_apiId_versionId_statusClass_calls_blocked402_latencySumMs_idx" ON "UsageRollup"("consumerTeamId", "hour", "apiId", "versionId", "statusClass", "calls", "blocked402", "latencySumMs");
