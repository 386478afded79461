-- CreateEnum
CREATE TYPE "AuditOrigin" AS ENUM ('CONSOLE', 'API', 'CONFIG');

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "origin" "AuditOrigin" NOT NULL,
    "actorUserId" TEXT,
    "actorEmail" TEXT,
    "tokenId" TEXT,
    "action" TEXT NOT NULL,
    "targetType" TEXT,
    "targetId" TEXT,
    "before" TEXT,
    "after" TEXT,
    "sourceIp" TEXT,
    "userAgent" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditEntry_teamId_createdAt_idx" ON "AuditEntry"("teamId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_teamId_action_createdAt_idx" ON "AuditEntry"("teamId", "action", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_teamId_actorUserId_createdAt_idx" ON "AuditEntry"("teamId", "actorUserId", "createdAt");

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
