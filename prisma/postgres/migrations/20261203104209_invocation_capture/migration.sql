-- CreateEnum
CREATE TYPE "CaptureMode" AS ENUM ('OFF', 'HEADERS', 'HEADERS_AND_BODIES');

-- AlterTable
ALTER TABLE "ApiVersion" ADD COLUMN     "captureMode" "CaptureMode" NOT NULL DEFAULT 'OFF',
ADD COLUMN     "captureRetentionDays" INTEGER NOT NULL DEFAULT 7;

-- CreateTable
CREATE TABLE "InvocationCapture" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "ownerTeamId" TEXT NOT NULL,
    "consumerTeamId" TEXT,
    "versionId" TEXT NOT NULL,
    "requestQuery" TEXT,
    "requestHeaders" TEXT NOT NULL,
    "responseHeaders" TEXT NOT NULL,
    "requestBody" TEXT,
    "responseBody" TEXT,
    "requestBodyBytes" INTEGER NOT NULL DEFAULT 0,
    "responseBodyBytes" INTEGER NOT NULL DEFAULT 0,
    "requestBodyTruncated" BOOLEAN NOT NULL DEFAULT false,
    "responseBodyTruncated" BOOLEAN NOT NULL DEFAULT false,
    "requestContentType" TEXT,
    "responseContentType" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InvocationCapture_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "InvocationCapture_requestId_key" ON "InvocationCapture"("requestId");

-- CreateIndex
CREATE INDEX "InvocationCapture_ownerTeamId_createdAt_idx" ON "InvocationCapture"("ownerTeamId", "createdAt");

-- CreateIndex
CREATE INDEX "InvocationCapture_consumerTeamId_createdAt_idx" ON "InvocationCapture"("consumerTeamId", "createdAt");

-- CreateIndex
CREATE INDEX "InvocationCapture_versionId_idx" ON "InvocationCapture"("versionId");

-- CreateIndex
CREATE INDEX "InvocationCapture_expiresAt_idx" ON "InvocationCapture"("expiresAt");
