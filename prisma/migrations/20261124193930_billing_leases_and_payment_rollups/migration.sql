-- CreateTable
CREATE TABLE "CreditLease" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "instanceId" TEXT NOT NULL,
    "amountMicros" BIGINT NOT NULL DEFAULT 0,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PaymentRollup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "hour" DATETIME NOT NULL,
    "ownerTeamId" TEXT NOT NULL,
    "consumerTeamId" TEXT NOT NULL,
    "apiId" TEXT NOT NULL,
    "cause" TEXT NOT NULL,
    "blockedCalls" INTEGER NOT NULL DEFAULT 0,
    "blockedRevenueMicros" BIGINT NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_BillingAccount" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "balanceMicros" BIGINT NOT NULL DEFAULT 0,
    "creditLimitMicros" BIGINT NOT NULL DEFAULT 0,
    "monthlyBudgetMicros" BIGINT,
    "alertThresholds" TEXT NOT NULL DEFAULT '80,100',
    "paymentMethodStatus" TEXT NOT NULL DEFAULT 'NONE',
    "paymentMethodLabel" TEXT,
    "spendMonth" TEXT NOT NULL DEFAULT '',
    "spendMicros" BIGINT NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "BillingAccount_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_BillingAccount" ("alertThresholds", "balanceMicros", "createdAt", "creditLimitMicros", "currency", "id", "monthlyBudgetMicros", "paymentMethodLabel", "paymentMethodStatus", "teamId", "updatedAt") SELECT "alertThresholds", "balanceMicros", "createdAt", "creditLimitMicros", "currency", "id", "monthlyBudgetMicros", "paymentMethodLabel", "paymentMethodStatus", "teamId", "updatedAt" FROM "BillingAccount";
DROP TABLE "BillingAccount";
ALTER TABLE "new_BillingAccount" RENAME TO "BillingAccount";
CREATE UNIQUE INDEX "BillingAccount_teamId_key" ON "BillingAccount"("teamId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "CreditLease_teamId_expiresAt_idx" ON "CreditLease"("teamId", "expiresAt");

-- CreateIndex
CREATE INDEX "PaymentRollup_ownerTeamId_hour_idx" ON "PaymentRollup"("ownerTeamId", "hour");

-- CreateIndex
CREATE INDEX "PaymentRollup_consumerTeamId_hour_idx" ON "PaymentRollup"("consumerTeamId", "hour");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentRollup_hour_ownerTeamId_consumerTeamId_apiId_cause_key" ON "PaymentRollup"("hour", "ownerTeamId", "consumerTeamId", "apiId", "cause");
