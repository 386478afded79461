-- AlterTable
ALTER TABLE "ApiVersion" ADD COLUMN     "contractIndex" TEXT,
ADD COLUMN     "convertedFrom" TEXT,
ADD COLUMN     "openapiSource" TEXT;
