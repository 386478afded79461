-- AlterTable
ALTER TABLE "SubscriptionUsage" ADD COLUMN     "freeClaimed" INTEGER NOT NULL DEFAULT 0;
