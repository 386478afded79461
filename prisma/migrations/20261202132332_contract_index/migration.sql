-- AlterTable
ALTER TABLE "ApiVersion" ADD COLUMN "contractIndex" TEXT;
ALTER TABLE "ApiVersion" ADD COLUMN "convertedFrom" TEXT;
ALTER TABLE "ApiVersion" ADD COLUMN "openapiSource" TEXT;
