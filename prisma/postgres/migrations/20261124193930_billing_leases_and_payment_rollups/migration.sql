-- AlterTable
ALTER TABLE "BillingAccount" ADD COLUMN     "spendMicros" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "spendMonth" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "CreditLease" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "instanceId" TEXT NOT NULL,
    "amountMicros" BIGINT NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CreditLease_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentRollup" (
    "id" TEXT NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "ownerTeamId" TEXT NOT NULL,
    "consumerTeamId" TEXT NOT NULL,
    "apiId" TEXT NOT NULL,
    "cause" "PaymentCause" NOT NULL,
    "blockedCalls" INTEGER NOT NULL DEFAULT 0,
    "blockedRevenueMicros" BIGINT NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PaymentRollup_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CreditLease_teamId_expiresAt_idx" ON "CreditLease"("teamId", "expiresAt");

-- CreateIndex
CREATE INDEX "PaymentRollup_ownerTeamId_hour_idx" ON "PaymentRollup"("ownerTeamId", "hour");

-- CreateIndex
CREATE INDEX "PaymentRollup_consumerTeamId_hour_idx" ON "PaymentRollup"("consumerTeamId", "hour");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentRollup_hour_ownerTeamId_consumerTeamId_apiId_cause_key" ON "PaymentRollup"("hour", "ownerTeamId", "consumerTeamId", "apiId", "cause");
