-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_UsageRollup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "hour" DATETIME NOT NULL,
    "ownerTeamId" TEXT NOT NULL,
    "consumerTeamId" TEXT NOT NULL,
    "apiId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "keyId" TEXT NOT NULL DEFAULT '',
    "statusClass" INTEGER NOT NULL,
    "calls" INTEGER NOT NULL DEFAULT 0,
    "blocked402" INTEGER NOT NULL DEFAULT 0,
    "latencySumMs" REAL NOT NULL DEFAULT 0,
    "costMicros" BIGINT NOT NULL DEFAULT 0,
    "inputTokens" INTEGER NOT NULL DEFAULT 0,
    "outputTokens" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
-- Rows counted before keys were tracked get the untracked marker
INSERT INTO "new_UsageRollup" ("apiId", "blocked402", "calls", "consumerTeamId", "costMicros", "createdAt", "hour", "id", "inputTokens", "latencySumMs", "outputTokens", "ownerTeamId", "statusClass", "updatedAt", "versionId", "keyId") SELECT "apiId", "blocked402", "calls", "consumerTeamId", "costMicros", "createdAt", "hour", "id", "inputTokens", "latencySumMs", "outputTokens", "ownerTeamId", "statusClass", "updatedAt", "versionId", '~untracked' FROM "UsageRollup";
DROP TABLE "UsageRollup";
ALTER TABLE "new_UsageRollup" RENAME TO "UsageRollup";
CREATE INDEX "UsageRollup_ownerTeamId_hour_apiId_versionId_statusClass_consumerTeamId_keyId_calls_blocked402_latencySumMs_idx" ON "UsageRollup"("ownerTeamId", "hour", "apiId", "versionId", "statusClass", "consumerTeamId", "keyId", "calls", "blocked402", "latencySumMs");
CREATE INDEX "UsageRollup_consumerTeamId_hour_apiId_versionId_statusClass_keyId_calls_blocked402_latencySumMs_costMicros_idx" ON "UsageRollup"("consumerTeamId", "hour", "apiId", "versionId", "statusClass", "keyId", "calls", "blocked402", "latencySumMs", "costMicros");
CREATE UNIQUE INDEX "UsageRollup_hour_ownerTeamId_consumerTeamId_apiId_versionId_keyId_statusClass_key" ON "UsageRollup"("hour", "ownerTeamId", "consumerTeamId", "apiId", "versionId", "keyId", "statusClass");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
