-- AlterTable
ALTER TABLE "ManagementToken" ADD COLUMN     "access" TEXT NOT NULL DEFAULT 'read',
ADD COLUMN     "expiresAt" TIMESTAMP(3),
ADD COLUMN     "grantAi" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "grantBilling" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "IdempotencyRecord" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "tokenId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IdempotencyRecord_expiresAt_idx" ON "IdempotencyRecord"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "IdempotencyRecord_teamId_tokenId_key_key" ON "IdempotencyRecord"("teamId", "tokenId", "key");
