-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SubscriptionUsage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "subscriptionId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "calls" INTEGER NOT NULL DEFAULT 0,
    "freeClaimed" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_SubscriptionUsage" ("calls", "createdAt", "id", "month", "subscriptionId", "updatedAt") SELECT "calls", "createdAt", "id", "month", "subscriptionId", "updatedAt" FROM "SubscriptionUsage";
DROP TABLE "SubscriptionUsage";
ALTER TABLE "new_SubscriptionUsage" RENAME TO "SubscriptionUsage";
CREATE UNIQUE INDEX "SubscriptionUsage_subscriptionId_month_key" ON "SubscriptionUsage"("subscriptionId", "month");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
