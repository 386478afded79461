-- DropIndex
DROP INDEX "UsageRollup_consumerTeamId_hour_apiId_versionId_statusClass_idx";

-- DropIndex
DROP INDEX "UsageRollup_hour_ownerTeamId_consumerTeamId_apiId_versionId_key";

-- DropIndex
DROP INDEX "UsageRollup_ownerTeamId_hour_apiId_versionId_statusClass_ca_idx";

-- AlterTable (rows counted before keys were tracked get the untracked marker)
ALTER TABLE "UsageRollup" ADD COLUMN     "keyId" TEXT NOT NULL DEFAULT '~untracked';
ALTER TABLE "UsageRollup" ALTER COLUMN "keyId" SET DEFAULT '';

-- CreateIndex
CREATE INDEX "UsageRollup_ownerTeamId_hour_apiId_versionId_statusClass_co_idx" ON "UsageRollup"("ownerTeamId", "hour", "apiId", "versionId", "statusClass", "consumerTeamId", "keyId", "calls", "blocked402", "latencySumMs");

-- CreateIndex
CREATE INDEX "UsageRollup_consumerTeamId_hour_apiId_versionId_statusClass_idx" ON "UsageRollup"("consumerTeamId", "hour", "apiId", "versionId", "statusClass", "keyId", "calls", "blocked402", "latencySumMs", "costMicros");

-- CreateIndex
CREATE UNIQUE INDEX "UsageRollup_hour_ownerTeamId_consumerTeamId_apiId_versionId_key" ON "UsageRollup"("hour", "ownerTeamId", "consumerTeamId", "apiId", "versionId", "keyId", "statusClass");
