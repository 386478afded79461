-- CreateEnum
CREATE TYPE "AiProviderKind" AS ENUM ('OPENAI', 'OPENAI_COMPATIBLE', 'ANTHROPIC', 'GEMINI', 'OLLAMA');

-- CreateEnum
CREATE TYPE "AiModelKind" AS ENUM ('CHAT', 'EMBEDDING');

-- CreateEnum
CREATE TYPE "AiRouteStrategy" AS ENUM ('FALLBACK', 'WEIGHTED');

-- AlterTable
ALTER TABLE "Invocation" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "model" TEXT,
ADD COLUMN     "provider" TEXT,
ADD COLUMN     "ttftMs" DOUBLE PRECISION,
ADD COLUMN     "usageEstimated" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "tokensPerMinute" INTEGER;

-- CreateTable
CREATE TABLE "AiProvider" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "AiProviderKind" NOT NULL,
    "baseUrl" TEXT NOT NULL,
    "apiKeyEnc" TEXT,
    "keyHint" TEXT,
    "headersEnc" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AiProvider_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AiModel" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "providerModel" TEXT NOT NULL,
    "kind" "AiModelKind" NOT NULL DEFAULT 'CHAT',
    "inputMicrosPerM" BIGINT NOT NULL DEFAULT 0,
    "outputMicrosPerM" BIGINT NOT NULL DEFAULT 0,
    "cachedInputMicrosPerM" BIGINT,
    "contextWindow" INTEGER NOT NULL,
    "maxOutputTokens" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AiModel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AiVersionModel" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "strategy" "AiRouteStrategy" NOT NULL DEFAULT 'FALLBACK',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AiVersionModel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AiRouteTarget" (
    "id" TEXT NOT NULL,
    "versionModelId" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "weight" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AiRouteTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AiUsageRollup" (
    "id" TEXT NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AiUsageRollup_pkey" PRIMARY KEY ("id")
);

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
CREATE UNIQUE INDEX "AiUsageRollup_hour_ownerTeamId_consumerTeamId_apiId_model_p_key" ON "AiUsageRollup"("hour", "ownerTeamId", "consumerTeamId", "apiId", "model", "provider");

-- AddForeignKey
ALTER TABLE "AiProvider" ADD CONSTRAINT "AiProvider_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AiModel" ADD CONSTRAINT "AiModel_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "AiProvider"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AiVersionModel" ADD CONSTRAINT "AiVersionModel_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ApiVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AiRouteTarget" ADD CONSTRAINT "AiRouteTarget_versionModelId_fkey" FOREIGN KEY ("versionModelId") REFERENCES "AiVersionModel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AiRouteTarget" ADD CONSTRAINT "AiRouteTarget_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "AiModel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
