-- DropIndex
DROP INDEX "Invocation_keyId_idx";

-- DropIndex
DROP INDEX "Invocation_apiId_createdAt_idx";
