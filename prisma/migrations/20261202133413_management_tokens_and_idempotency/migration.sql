-- CreateTable
CREATE TABLE "IdempotencyRecord" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "tokenId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ManagementToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'MEMBER',
    "access" TEXT NOT NULL DEFAULT 'read',
    "grantBilling" BOOLEAN NOT NULL DEFAULT false,
    "grantAi" BOOLEAN NOT NULL DEFAULT false,
    "expiresAt" DATETIME,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_ManagementToken" ("createdAt", "createdById", "hash", "id", "lastUsedAt", "name", "prefix", "revokedAt", "role", "teamId", "updatedAt") SELECT "createdAt", "createdById", "hash", "id", "lastUsedAt", "name", "prefix", "revokedAt", "role", "teamId", "updatedAt" FROM "ManagementToken";
DROP TABLE "ManagementToken";
ALTER TABLE "new_ManagementToken" RENAME TO "ManagementToken";
CREATE UNIQUE INDEX "ManagementToken_hash_key" ON "ManagementToken"("hash");
CREATE INDEX "ManagementToken_teamId_createdAt_idx" ON "ManagementToken"("teamId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "IdempotencyRecord_expiresAt_idx" ON "IdempotencyRecord"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "IdempotencyRecord_teamId_tokenId_key_key" ON "IdempotencyRecord"("teamId", "tokenId", "key");
